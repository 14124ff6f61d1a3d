package org.palmares.tally;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.edition.Criterion;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.jury.Assignment;
import org.palmares.jury.AssignmentSource;
import org.palmares.jury.Juror;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.NominationStatus;
import org.palmares.platform.DemoLoader;
import org.palmares.scoring.ScoreSheet;
import org.palmares.scoring.ScoringWindow;

/**
 * Demo only: gives the demo edition's nominations (eligible ones, and the synthetic ones of
 * {@code palmares.demo.volume}) three jurors each and submitted sheets, so the tally and the deliberation have
 * something to show. Jurors lean severe or lenient on purpose; a few sheets stay drafts. On when
 * {@code palmares.demo.sheets} is true (the default) and the edition has no sheet yet.
 */
@Singleton
@Startup
@DependsOn("DemoVolume")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoSheets {
    private static final Logger LOG = Logger.getLogger(DemoSheets.class.getName());
    private static final int PER_TRANSACTION = 200;
    private static final List<String> HIGH = List.of(
            "Démarche exemplaire, résultats mesurés et partenariat solide.",
            "Projet remarquable, très bon ancrage territorial.",
            "Dossier convaincant ; l'essaimage est déjà engagé.");
    private static final List<String> MID = List.of(
            "Bon projet, mais les résultats restent à consolider.",
            "Intéressant ; le partenariat avec les entreprises mériterait d'être précisé.",
            "Action utile, dossier un peu court sur l'évaluation.");
    private static final List<String> LOW = List.of(
            "Peu d'éléments chiffrés ; difficile d'apprécier l'impact.",
            "Projet encore jeune, à représenter l'an prochain.",
            "Le lien avec la clause sociale n'est pas démontré.");

    @Inject
    @ConfigProperty(name = "palmares.demo.sheets", defaultValue = "true")
    boolean enabled;

    @Inject
    DemoLoader demo;

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
        if (!enabled || !demo.isDemo()) return;
        Edition edition = editions.findCurrent().orElse(null);
        if (edition == null) return;
        long sheets = em.createQuery(
                        "select count(s) from ScoreSheet s where s.assignment.nomination.category.edition = :e",
                        Long.class)
                .setParameter("e", edition)
                .getSingleResult();
        if (sheets > 0) return;
        long started = System.nanoTime();
        try {
            int created = score(edition);
            LOG.info(() ->
                    "Demo sheets: " + created + " sheets in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (Exception e) {
            throw new IllegalStateException("Could not give the demo edition its sheets", e);
        }
    }

    private int score(Edition edition) throws Exception {
        List<Juror> jurors = em.createQuery("select j from Juror j where j.edition = :e order by j.id", Juror.class)
                .setParameter("e", edition)
                .getResultList();
        if (jurors.size() < 3) return 0;
        List<Long> jurorIds = jurors.stream().map(Juror::getId).toList();
        Map<Long, Set<Long>> expertise = new HashMap<>();
        for (Juror j : jurors) {
            Set<Long> categories = new HashSet<>();
            j.getExpertise().forEach(c -> categories.add(c.getId()));
            expertise.put(j.getId(), categories);
        }
        Set<String> conflicts = new HashSet<>();
        for (Object[] row : em.createQuery(
                        "select c.juror.id, t.id, n.id from Conflict c left join c.territory t "
                                + "left join c.nomination n where c.juror.edition = :e",
                        Object[].class)
                .setParameter("e", edition)
                .getResultList()) {
            if (row[1] != null) conflicts.add(row[0] + "/t" + row[1]);
            if (row[2] != null) conflicts.add(row[0] + "/n" + row[2]);
        }
        List<Object[]> nominations = em.createQuery(
                        "select n.id, n.category.id, n.territory.id from Nomination n where n.category.edition = :e "
                                + "and (n.status = :eligible or (n.status = :submitted and n.title like 'Projet %')) "
                                + "order by n.id",
                        Object[].class)
                .setParameter("e", edition)
                .setParameter("eligible", NominationStatus.ELIGIBLE)
                .setParameter("submitted", NominationStatus.SUBMITTED)
                .getResultList();
        Random random = new Random(2019);
        // Each juror's habit: from severe (−½ point) to lenient (+½).
        Map<Long, Double> lean = new HashMap<>();
        for (int i = 0; i < jurorIds.size(); i++) lean.put(jurorIds.get(i), (i % 5 - 2) / 4.0);
        Map<Long, Integer> load = new HashMap<>();
        int required = Math.max(1, edition.getReviewsPerNomination());
        ScoringWindow open = new ScoringWindow(Optional.empty(), false);
        int created = 0;
        for (int from = 0; from < nominations.size(); from += PER_TRANSACTION) {
            tx.begin();
            for (Object[] row : nominations.subList(from, Math.min(nominations.size(), from + PER_TRANSACTION))) {
                long nominationId = (Long) row[0];
                long categoryId = (Long) row[1];
                long territoryId = (Long) row[2];
                List<Long> panel = new ArrayList<>(jurorIds.stream()
                        .filter(j -> !conflicts.contains(j + "/n" + nominationId)
                                && !conflicts.contains(j + "/t" + territoryId))
                        .toList());
                panel.sort(Comparator.comparing((Long j) -> !expertise.get(j).contains(categoryId))
                        .thenComparing(j -> load.getOrDefault(j, 0))
                        .thenComparing(j -> j));
                Nomination nomination = em.find(Nomination.class, nominationId);
                List<Criterion> criteria = nomination.getCategory().getCriteria();
                double quality = random.nextDouble();
                for (Long jurorId : panel.subList(0, Math.min(required, panel.size()))) {
                    load.merge(jurorId, 1, Integer::sum);
                    var assignment =
                            new Assignment(em.find(Juror.class, jurorId), nomination, AssignmentSource.AUTO, clock);
                    em.persist(assignment);
                    var sheet = new ScoreSheet(assignment, clock);
                    for (Criterion c : criteria) {
                        double v = c.getScaleMin()
                                + quality * (c.getScaleMax() - c.getScaleMin())
                                + lean.get(jurorId)
                                + random.nextGaussian() * 0.4;
                        int value = (int) Math.max(c.getScaleMin(), Math.min(c.getScaleMax(), Math.round(v)));
                        sheet.score(c, value, null, open, clock);
                    }
                    List<String> comments = quality > 0.66 ? HIGH : quality > 0.33 ? MID : LOW;
                    sheet.comment(comments.get(random.nextInt(comments.size())), open, clock);
                    // About one sheet in twenty is still a draft, so some nominations show as incomplete.
                    if (random.nextInt(20) != 0) sheet.submit(criteria, open, clock);
                    em.persist(sheet);
                    created++;
                }
            }
            tx.commit();
            em.clear();
        }
        return created;
    }
}
