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
import org.palmares.edition.Criterion;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.edition.Phase;
import org.palmares.jury.Assignment;
import org.palmares.jury.AssignmentRun;
import org.palmares.jury.AssignmentService;
import org.palmares.jury.AssignmentSource;
import org.palmares.jury.Juror;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.NominationStatus;
import org.palmares.platform.Access;
import org.palmares.scoring.ScoreSheet;
import org.palmares.scoring.ScoringWindow;
import org.palmares.tally.TallyService;

/**
 * The demo's jury at work, as far as the live edition's phase has gone: from scoring on, the nominations are assigned
 * (by the solver, as an organiser would run it; by a quick greedy pass for the synthetic nominations of
 * {@code palmares.demo.volume}) and the jurors' sheets are written — about half while scoring is on (the first demo
 * juror, jure01, has not started: the newcomer scores as them), all once it is over, each by a juror who accepted the
 * confidentiality charter first. From the ceremony on, every category's decision is signed off; once published, the
 * palmarès is public. Jurors lean severe or lenient on purpose. Runs only on the start that loaded the demo.
 */
@Singleton
@Startup
@DependsOn("DemoVolume")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoSheets {
    private static final Logger LOG = Logger.getLogger(DemoSheets.class.getName());
    private static final int PER_TRANSACTION = 200;
    /** The demo juror a newcomer scores as: nothing started while scoring is on. */
    static final String NEWCOMER = "jure01@demo.palmares.org";

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
    DemoLoader demo;

    @Inject
    EditionService editions;

    @Inject
    DemoEditions builder;

    @Inject
    AssignmentService assignments;

    @Inject
    TallyService tally;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @PostConstruct
    void fill() {
        if (!demo.loadedNow() || !demo.phase().isAtLeast(Phase.SCORING)) return;
        Edition edition = editions.findCurrent().orElse(null);
        if (edition == null) return;
        long started = System.nanoTime();
        try {
            int created = work(edition.getId(), demo.phase());
            LOG.info(() -> "Demo jury: " + created + " sheets in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (Exception e) {
            throw new IllegalStateException("Could not give the demo edition its jury's work", e);
        }
    }

    /**
     * Assigns, has the jury score and decide, as far as {@code phase} goes, then leaves the edition in it. Also the
     * 2019 archive's path (DemoArchive), which goes all the way.
     */
    public int work(long editionId, Phase phase) throws Exception {
        // Assigning is done while the jury scores; the edition comes back to its own phase at the end.
        tx.begin();
        builder.phase(editionId, Phase.SCORING);
        tx.commit();
        assign(editionId);
        boolean over = phase.isAtLeast(Phase.DELIBERATION);
        int created = score(em.find(Edition.class, editionId), over);
        if (phase.isAtLeast(Phase.CEREMONY)) decide(editionId);
        if (phase.isAtLeast(Phase.PUBLISHED)) publish(editionId);
        tx.begin();
        builder.phase(editionId, phase);
        tx.commit();
        return created;
    }

    /** The solver, as an organiser runs it; past a few hundred nominations (load tests) a quick greedy pass instead. */
    private void assign(long editionId) throws Exception {
        long eligible = em.createQuery(
                        "select count(n) from Nomination n where n.category.edition.id = :e and n.status = :s",
                        Long.class)
                .setParameter("e", editionId)
                .setParameter("s", NominationStatus.ELIGIBLE)
                .getSingleResult();
        if (eligible > 500) return; // score() assigns greedily
        tx.begin();
        var outcome = Access.asSystem(() -> assignments.run(editionId, AssignmentRun.Mode.FULL));
        tx.commit();
        if (!outcome.saved()) LOG.warning("Demo jury: the solver found no complete assignment; greedy pass instead");
    }

    /** Every category frozen by its default method, decided by its first place and signed off, as a jury would. */
    private void decide(long editionId) throws Exception {
        tx.begin();
        builder.phase(editionId, Phase.DELIBERATION);
        tx.commit();
        List<Long> categories = em.createQuery(
                        "select c.id from Category c where c.edition.id = :e order by c.position", Long.class)
                .setParameter("e", editionId)
                .getResultList();
        for (long category : categories) {
            tx.begin();
            Access.asSystem(() -> {
                tally.freeze(category);
                tally.decide(category, tally.top(category), Set.of(), null);
                tally.signOff(category);
                return null;
            });
            tx.commit();
        }
    }

    /** Every signed-off category made public, as data: the laureates' e-mails belong to a real publication. */
    private void publish(long editionId) throws Exception {
        tx.begin();
        Edition edition = em.find(Edition.class, editionId);
        for (var category : edition.getCategories()) {
            em.persist(new org.palmares.ceremony.publication.Publication(
                    category, "organisateur@demo.palmares.org", clock.instant()));
        }
        var venue = new org.palmares.ceremony.publication.PalmaresVenue(edition);
        venue.moveTo(DemoEditions.data().getJsonObject("edition").getString("place"));
        em.persist(venue);
        tx.commit();
    }

    private int score(Edition edition, boolean over) throws Exception {
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
        // The solver's assignments, by nomination (the load tests' own MANUAL ones are theirs to score).
        Map<Long, List<Long>> assigned = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "select a.nomination.id, a.id from Assignment a where a.juror.edition = :e "
                                + "and a.recused = false and a.source = :s order by a.id",
                        Object[].class)
                .setParameter("e", edition)
                .setParameter("s", AssignmentSource.AUTO)
                .getResultList()) {
            assigned.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Long) row[1]);
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
                Nomination nomination = em.find(Nomination.class, nominationId);
                List<Assignment> panel = new ArrayList<>();
                for (long id : assigned.getOrDefault(nominationId, List.of())) panel.add(em.find(Assignment.class, id));
                if (panel.isEmpty()) {
                    // No solver run (a load test's thousands of nominations): the least loaded experts, free of
                    // conflict.
                    List<Long> free = new ArrayList<>(jurorIds.stream()
                            .filter(j -> !conflicts.contains(j + "/n" + nominationId)
                                    && !conflicts.contains(j + "/t" + territoryId))
                            .toList());
                    free.sort(Comparator.comparing((Long j) -> !expertise.get(j).contains(categoryId))
                            .thenComparing(j -> load.getOrDefault(j, 0))
                            .thenComparing(j -> j));
                    for (Long jurorId : free.subList(0, Math.min(required, free.size()))) {
                        load.merge(jurorId, 1, Integer::sum);
                        var a = new Assignment(em.find(Juror.class, jurorId), nomination, AssignmentSource.AUTO, clock);
                        em.persist(a);
                        panel.add(a);
                    }
                }
                List<Criterion> criteria = nomination.getCategory().getCriteria();
                double quality = random.nextDouble();
                for (Assignment assignment : panel) {
                    Juror juror = assignment.getJuror();
                    int luck = random.nextInt(20);
                    // While scoring is on: the first demo juror has not started (the newcomer's part); of the others,
                    // about half have submitted, a fifth are halfway (a draft), the rest have not opened the dossier.
                    boolean newcomer = juror.getAccount().getEmail().equals(NEWCOMER);
                    if (!over && (newcomer || luck >= 15)) continue;
                    boolean submitted = over || luck < 11;
                    juror.acceptConfidentiality(clock);
                    var sheet = new ScoreSheet(assignment, clock);
                    for (Criterion c : criteria) {
                        double v = c.getScaleMin()
                                + quality * (c.getScaleMax() - c.getScaleMin())
                                + lean.get(juror.getId())
                                + random.nextGaussian() * 0.4;
                        int value = (int) Math.max(c.getScaleMin(), Math.min(c.getScaleMax(), Math.round(v)));
                        sheet.score(c, value, null, open, clock);
                    }
                    List<String> comments = quality > 0.66 ? HIGH : quality > 0.33 ? MID : LOW;
                    sheet.comment(comments.get(random.nextInt(comments.size())), open, clock);
                    if (submitted) sheet.submit(criteria, open, clock);
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
