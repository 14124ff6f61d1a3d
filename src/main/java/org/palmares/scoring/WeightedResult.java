package org.palmares.scoring;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * The result of a sheet on 0–100: S = 100 × Σ w·(v − min)/(max − min) / Σ w over the criteria scored so far, so a
 * juror sees where the sheet stands as they go, whatever the scales and weights of the criteria.
 */
public final class WeightedResult {
    private WeightedResult() {}

    /** One criterion's weight and scale, and the value given (null when not scored yet). */
    public record Part(int weight, int min, int max, Integer value) {
        public Part {
            if (weight <= 0) throw new IllegalArgumentException("weight must be positive");
            if (min >= max) throw new IllegalArgumentException("scale must go up");
        }

        boolean scored() {
            return value != null;
        }

        double normalised() {
            return (double) (value - min) / (max - min);
        }
    }

    /** The result, or empty while no criterion is scored. */
    public static OptionalDouble of(Collection<Part> parts) {
        double weights = 0;
        double sum = 0;
        for (Part p : parts) {
            if (!p.scored()) continue;
            weights += p.weight();
            sum += p.weight() * p.normalised();
        }
        return weights == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * sum / weights);
    }
}
