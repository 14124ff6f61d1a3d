package org.palmares.jury.assignment;

/**
 * The edition's prices, in integer points, of what makes an assignment worse.
 *
 * @param missingExpertise paid by a pair whose juror is not expert in the nomination's category
 * @param sameRegion paid by a pair whose juror shares a région with the nominating territory
 * @param balance the k-th dossier of a juror costs {@code balance × (k − 1)}, which spreads the load
 */
public record Weights(int missingExpertise, int sameRegion, int balance) {
    public static final Weights DEFAULT = new Weights(10, 3, 1);

    public Weights {
        // Negative prices would break the solver's start with zero potentials, and a negative balance would make the
        // juror's cost concave, which a chain of unit arcs no longer models exactly.
        if (missingExpertise < 0 || sameRegion < 0 || balance < 0) {
            throw new IllegalArgumentException("weights cannot be negative: missingExpertise=" + missingExpertise
                    + ", sameRegion=" + sameRegion + ", balance=" + balance);
        }
    }

    public PairCost costOf(JurorSlot juror, NominationNeed nomination) {
        return new PairCost(
                juror.isExpertIn(nomination.categoryCode()) ? 0 : missingExpertise,
                juror.sharesRegionWith(nomination.territoryRegion()) ? sameRegion : 0);
    }

    /** The balance paid for the {@code dossier}-th dossier (counted from 1) of one juror. */
    public long balanceOfDossier(int dossier) {
        return (long) balance * (dossier - 1);
    }

    /** The balance paid by a juror carrying {@code load} dossiers in all: the sum over their 1st … load-th. */
    public long balanceOfLoad(int load) {
        return (long) balance * load * (load - 1) / 2;
    }
}
