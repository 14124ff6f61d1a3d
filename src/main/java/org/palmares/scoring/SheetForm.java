package org.palmares.scoring;

import java.io.Serializable;
import java.util.List;

/** The criteria of a sheet as the juror scores them: name, weight, scale and what points of the scale mean. */
public record SheetForm(List<CriterionLine> criteria) implements Serializable {

    /** One criterion, in the reader's language. */
    public record CriterionLine(
            long id, int number, String name, int weight, int min, int max, List<AnchorLine> anchors)
            implements Serializable {
        public List<Integer> values() {
            return java.util.stream.IntStream.rangeClosed(min, max).boxed().toList();
        }

        /** The anchors as one line: "1 = …, 3 = …, 5 = …". */
        public String anchorText() {
            return String.join(
                    " · ",
                    anchors.stream().map(a -> a.value() + " = " + a.text()).toList());
        }

        public WeightedResult.Part part(Integer value) {
            return new WeightedResult.Part(weight, min, max, value);
        }
    }

    /** What one value of the scale means. */
    public record AnchorLine(int value, String text) implements Serializable {}
}
