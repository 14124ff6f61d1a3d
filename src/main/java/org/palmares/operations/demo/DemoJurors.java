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
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Account;
import org.palmares.account.Role;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.jury.Assignment;
import org.palmares.jury.AssignmentSource;
import org.palmares.jury.Juror;
import org.palmares.nomination.Nomination;

/**
 * For the scoring load test only: when {@code palmares.demo.jurors} is set, adds that many jurors to the current
 * edition (charge-jure001@demo.palmares.org…, the demo password, charter accepted), each with
 * {@code palmares.demo.jurors.dossiers} dossiers assigned by hand, so that many jurors can score at once. Off (0) by
 * default; runs once.
 */
@Singleton
@Startup
@DependsOn("DemoSheets")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoJurors {
    private static final Logger LOG = Logger.getLogger(DemoJurors.class.getName());

    @Inject
    @ConfigProperty(name = "palmares.demo.jurors", defaultValue = "0")
    int count;

    @Inject
    @ConfigProperty(name = "palmares.demo.jurors.dossiers", defaultValue = "3")
    int dossiers;

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
        try {
            tx.begin();
            String hash = em.createQuery("select a from Account a where a.email = :e", Account.class)
                    .setParameter("e", "jure01@demo.palmares.org")
                    .getResultStream()
                    .findFirst()
                    .map(Account::getPasswordHash)
                    .orElse(null);
            List<Nomination> nominations = em.createQuery(
                            "select n from Nomination n where n.category.edition = :e and n.reference is not null "
                                    + "order by n.id",
                            Nomination.class)
                    .setParameter("e", edition)
                    .getResultList();
            int added = 0;
            for (int i = 1; i <= count && !nominations.isEmpty(); i++) {
                String email = String.format("charge-jure%03d@demo.palmares.org", i);
                if (!em.createQuery("select a from Account a where a.email = :e", Account.class)
                        .setParameter("e", email)
                        .getResultList()
                        .isEmpty()) continue;
                Account account = new Account(email, String.format("Juré de charge %03d", i), clock);
                account.grant(Role.JUROR);
                if (hash != null) account.changePasswordHash(hash);
                em.persist(account);
                Juror juror = new Juror(edition, account, "Occitanie", dossiers);
                juror.acceptConfidentiality(clock);
                em.persist(juror);
                for (int d = 0; d < dossiers; d++) {
                    Nomination n = nominations.get(((i - 1) * dossiers + d) % nominations.size());
                    em.persist(new Assignment(juror, n, AssignmentSource.MANUAL, clock));
                }
                added++;
            }
            tx.commit();
            int done = added;
            LOG.info(() -> "Demo jurors: " + done + " jurors added with " + dossiers + " dossiers each");
        } catch (Exception e) {
            throw new IllegalStateException("Could not add the demo jurors", e);
        }
    }
}
