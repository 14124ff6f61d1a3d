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
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.ReferenceCounter;
import org.palmares.nomination.Territory;
import org.palmares.nomination.TerritoryKind;

/**
 * For load tests and benchmarks only: when {@code palmares.demo.volume} is set, fills the current edition with that
 * many synthetic submitted nominations (one per category per synthetic territory), so lists and exports can be
 * measured at the size of a national network. Off (0) by default; runs once, as the count is checked first.
 */
@Singleton
@Startup
@DependsOn("DemoLoader")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoVolume {
    private static final Logger LOG = Logger.getLogger(DemoVolume.class.getName());
    private static final int TERRITORIES_PER_TRANSACTION = 100;
    /** France's mainland regions, for the synthetic territories of the load demos. */
    static final List<String> REGIONS = List.of(
            "Auvergne-Rhône-Alpes",
            "Bourgogne-Franche-Comté",
            "Bretagne",
            "Centre-Val de Loire",
            "Grand Est",
            "Hauts-de-France",
            "Île-de-France",
            "Normandie",
            "Nouvelle-Aquitaine",
            "Occitanie",
            "Pays de la Loire",
            "Provence-Alpes-Côte d'Azur");

    private static final List<String> WORDS = List.of(
            "clause",
            "insertion",
            "chantier",
            "mixité",
            "jeunes",
            "quartiers",
            "formation",
            "emploi",
            "réseau",
            "entreprises",
            "marchés",
            "publics",
            "territoire",
            "parcours",
            "métiers",
            "bâtiment",
            "numérique");

    @Inject
    @ConfigProperty(name = "palmares.demo.volume", defaultValue = "0")
    int volume;

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
        if (volume <= 0) return;
        Edition edition = editions.findCurrent().orElse(null);
        if (edition == null) return;
        long existing = em.createQuery("select count(n) from Nomination n where n.category.edition = :e", Long.class)
                .setParameter("e", edition)
                .getSingleResult();
        if (existing >= volume) return;
        List<Long> categoryIds =
                edition.getCategories().stream().map(Category::getId).toList();
        int territories = (int) Math.ceil((volume - existing) / (double) categoryIds.size());
        Random random = new Random(2019);
        long started = System.nanoTime();
        try {
            for (int done = 0; done < territories; done += TERRITORIES_PER_TRANSACTION) {
                tx.begin();
                for (int t = done; t < Math.min(territories, done + TERRITORIES_PER_TRANSACTION); t++) {
                    String region = REGIONS.get(random.nextInt(REGIONS.size()));
                    var territory = new Territory(
                            "Territoire de charge " + (t + 1),
                            TerritoryKind.values()[random.nextInt(TerritoryKind.values().length)],
                            region,
                            String.format("%02d", 1 + random.nextInt(95)),
                            clock);
                    em.persist(territory);
                    for (Long categoryId : categoryIds) {
                        Category category = em.find(Category.class, categoryId);
                        var nomination = new Nomination(category, territory, 0, title(random), clock);
                        nomination.edit(nomination.getTitle(), summary(random), clock);
                        ReferenceCounter counter =
                                em.find(ReferenceCounter.class, categoryId, LockModeType.PESSIMISTIC_WRITE);
                        if (counter == null) {
                            counter = new ReferenceCounter(categoryId);
                            em.persist(counter);
                        }
                        nomination.submit(
                                ReferenceCounter.format(edition.getCode(), category.getCode(), counter.next()), clock);
                        em.persist(nomination);
                    }
                }
                tx.commit();
                em.clear();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not fill the demo edition to " + volume + " nominations", e);
        }
        LOG.info(() -> "Demo volume: " + territories * categoryIds.size() + " nominations added in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private static String title(Random random) {
        StringBuilder title = new StringBuilder("Projet");
        for (int i = 0; i < 5; i++) title.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
        return title.toString();
    }

    private static String summary(Random random) {
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < 60; i++)
            summary.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
        return summary.toString().strip();
    }
}
