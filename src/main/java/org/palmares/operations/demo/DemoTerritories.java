package org.palmares.operations.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.nomination.Territory;
import org.palmares.nomination.TerritoryKind;

/**
 * For the deadline-rush load test only (scripts/load-rush.sh): when {@code palmares.demo.territories} is set, adds
 * that many territories ("Territoire de l'échéance 001"…), each with one contact account
 * (contact@charge-territoire001.demo.palmares.org…, the demo password), and no nomination yet, so that many
 * territories can create and submit nominations in the current edition at once. Off (0) by default; runs once (an
 * existing contact is skipped). The demo edition's nomination deadline is three weeks ahead, which the log repeats.
 */
@Singleton
@Startup
@DependsOn("DemoJurors")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoTerritories {
    private static final Logger LOG = Logger.getLogger(DemoTerritories.class.getName());
    private static final int PER_TRANSACTION = 100;

    @Inject
    @ConfigProperty(name = "palmares.demo.territories", defaultValue = "0")
    int count;

    @Inject
    EditionService editions;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @PostConstruct
    void fill() {
        if (count <= 0) return;
        Edition edition = editions.findCurrent().orElse(null);
        if (edition == null) return;
        int added = 0;
        try {
            String hash = em.createQuery("select a from Account a where a.email = :e", Account.class)
                    .setParameter("e", "organisateur@demo.palmares.org")
                    .getResultStream()
                    .findFirst()
                    .map(Account::getPasswordHash)
                    .orElse(null);
            for (int from = 1; from <= count; from += PER_TRANSACTION) {
                tx.begin();
                for (int i = from; i < Math.min(count + 1, from + PER_TRANSACTION); i++) {
                    String email = contact(i);
                    if (!em.createQuery("select a.id from Account a where a.email = :e", Long.class)
                            .setParameter("e", email)
                            .getResultList()
                            .isEmpty()) continue;
                    var territory = new Territory(
                            String.format("Territoire de l'échéance %03d", i),
                            TerritoryKind.values()[i % TerritoryKind.values().length],
                            DemoVolume.REGIONS.get(i % DemoVolume.REGIONS.size()),
                            String.format("%02d", 1 + i % 95),
                            clock);
                    em.persist(territory);
                    Account account = new Account(email, String.format("Chargée de mission %03d", i), clock);
                    account.grant(Role.TERRITORY);
                    if (hash != null) account.changePasswordHash(hash);
                    em.persist(account);
                    territory.addMember(account);
                    added++;
                }
                tx.commit();
                em.clear();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not add the demo territories", e);
        }
        int done = added;
        LocalDateTime deadline = edition.getNominationDeadline();
        LOG.info(() -> "Demo territories: " + done + " territories added to " + edition.getCode()
                + ", nominations close at " + deadline + " (" + edition.getTimeZone() + ")");
    }

    /** The contact account of the i-th load territory, from 1. */
    static String contact(int i) {
        return String.format("contact@charge-territoire%03d.demo.palmares.org", i);
    }
}
