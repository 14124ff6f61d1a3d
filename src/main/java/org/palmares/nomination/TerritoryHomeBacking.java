package org.palmares.nomination;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The territory's landing page: its own nominations and nobody else's. */
@Named
@RequestScoped
public class TerritoryHomeBacking {
    @Inject
    NominationService nominations;

    @Inject
    TerritoryService territories;

    @Inject
    jakarta.security.enterprise.SecurityContext security;

    private Territory territory;
    private List<Nomination> list;

    public void onLoad() {
        territory =
                territories.ofMember(security.getCallerPrincipal().getName()).orElse(null);
        list = nominations.ofCallerTerritory();
    }

    public Territory getTerritory() {
        return territory;
    }

    public List<Nomination> getNominations() {
        return list;
    }
}
