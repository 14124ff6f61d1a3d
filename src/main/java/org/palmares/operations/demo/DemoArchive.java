package org.palmares.operations.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Account;
import org.palmares.edition.Edition;
import org.palmares.edition.Phase;
import org.palmares.platform.Access;

/**
 * The demo's past: the real 2019 edition of the Trophées de la Clause (national day of Thursday 7 November 2019 in
 * Montreuil), with its jury's sheets, signed decisions and published palmarès, archived. Made through the same steps
 * as the live edition, then dated back to 2019, so that its pages, palmarès and certificates tell 2019. On when
 * {@code palmares.demo.archive} is true (the default), on the start that loaded the demo.
 */
@Singleton
@Startup
@DependsOn("DemoTerritories")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoArchive {
    private static final Logger LOG = Logger.getLogger(DemoArchive.class.getName());

    @Inject
    @ConfigProperty(name = "palmares.demo.archive", defaultValue = "true")
    boolean enabled;

    @Inject
    DemoLoader demo;

    @Inject
    DemoEditions builder;

    @Inject
    DemoSheets jury;

    @Inject
    org.palmares.account.AccountService accounts;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @PostConstruct
    void load() {
        if (!enabled || !demo.loadedNow()) return;
        long started = System.nanoTime();
        try {
            JsonObject data = DemoEditions.data();
            DemoCalendar calendar = DemoCalendar.of2019();
            tx.begin();
            String hash = em.createQuery("select a from Account a where a.email = :e", Account.class)
                    .setParameter("e", "organisateur@demo.palmares.org")
                    .getSingleResult()
                    .getPasswordHash();
            long edition =
                    Access.asSystem(() -> builder.build(data, calendar, DemoEditions.archiveTexts(data), true, hash));
            tx.commit();
            jury.work(edition, Phase.PUBLISHED);
            tx.begin();
            builder.phase(edition, Phase.ARCHIVED);
            dateBack(edition, calendar, ZoneId.of(data.getJsonObject("edition").getString("timeZone")));
            tx.commit();
            LOG.info(() -> "Demo archive TC2019 loaded in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (Exception e) {
            throw new IllegalStateException("Could not load the demo's 2019 archive", e);
        }
    }

    /**
     * Dates the archive's records back to 2019 (they were written now): nominations submitted before the deadline,
     * the jury's work before the scoring deadline, the decisions on the eve of the ceremony, the palmarès at its end.
     */
    private void dateBack(long edition, DemoCalendar calendar, ZoneId zone) {
        Instant submitted = at(calendar.nominationDeadline().minusDays(10), zone);
        Instant assigned = at(calendar.nominationDeadline().plusDays(10), zone);
        Instant charter = at(calendar.nominationDeadline().plusDays(11), zone);
        Instant scored = at(calendar.scoringDeadline().minusDays(3), zone);
        Instant decided = at(calendar.ceremonyAt().minusDays(1), zone);
        Instant published = at(calendar.ceremonyAt().plusHours(2), zone);
        String ofEdition = " where x.category.edition.id = :e";
        update(
                "update Nomination x set x.createdAt = :t, x.updatedAt = :t, x.submittedAt = :t" + ofEdition,
                edition,
                submitted);
        update("update Assignment x set x.createdAt = :t where x.juror.edition.id = :e", edition, assigned);
        update(
                "update Juror x set x.confidentialityAcceptedAt = :t where x.edition.id = :e "
                        + "and x.confidentialityAcceptedAt is not null",
                edition,
                charter);
        update(
                "update ScoreSheet x set x.updatedAt = :t, x.submittedAt = :t where x.assignment.juror.edition.id = :e "
                        + "and x.submittedAt is not null",
                edition,
                scored);
        update("update AssignmentRun x set x.runAt = :t where x.edition.id = :e", edition, assigned);
        update("update CategoryResult x set x.frozenAt = :t" + ofEdition, edition, decided);
        update("update Result x set x.computedAt = :t" + ofEdition, edition, decided);
        update("update Decision x set x.signedOffAt = :t" + ofEdition, edition, decided);
        update(
                "update org.palmares.ceremony.publication.Publication x set x.publishedAt = :t" + ofEdition,
                edition,
                published);
        em.getEntityManagerFactory().getCache().evictAll();
        Edition stored = em.find(Edition.class, edition);
        em.refresh(stored);
    }

    private void update(String jpql, long edition, Instant at) {
        em.createQuery(jpql).setParameter("e", edition).setParameter("t", at).executeUpdate();
    }

    private static Instant at(LocalDateTime local, ZoneId zone) {
        return local.atZone(zone).toInstant();
    }
}
