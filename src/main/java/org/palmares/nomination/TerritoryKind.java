package org.palmares.nomination;

/** The kinds of body that submit nominations. */
public enum TerritoryKind {
    MAISON_EMPLOI,
    PLIE,
    AGGLOMERATION,
    COMMUNAUTE_COMMUNES,
    METROPOLE,
    DEPARTEMENT,
    COMMUNE,
    ASSOCIATION
}
