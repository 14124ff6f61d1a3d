package org.palmares.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palmares.account.AccountService;
import org.palmares.account.Role;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.jury.Assignment;
import org.palmares.jury.AssignmentSource;
import org.palmares.jury.Juror;
import org.palmares.nomination.Nomination;
import org.palmares.operations.demo.DemoLoader;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;
import org.palmares.platform.Mailer;
import org.palmares.platform.OutboxMessage;
import org.palmares.platform.OutboxStatus;
import org.palmares.scoring.ScoreSheet;

/** The schema, its constraints and the demo data, checked inside a running Palmarès on in-memory Derby. */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {
    @Deployment
    static WebArchive deployment() {
        return Deployments.palmares().addClasses(Deployments.class, Demo.class, ContentionProbe.class);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ContentionProbe contention;

    @Resource(lookup = "java:app/jdbc/palmares")
    DataSource dataSource;

    @Resource
    UserTransaction tx;

    @Inject
    DemoLoader demoLoader;

    @Inject
    EditionService editions;

    @Inject
    AccountService accounts;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    @Inject
    org.palmares.jury.JurorService jurors;

    @Inject
    org.palmares.scoring.JuryGuides guides;

    @Inject
    org.palmares.platform.Backups backups;

    @Test
    void liquibase_creates_every_table_of_the_domain_on_an_empty_database() throws Exception {
        Set<String> tables = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
        }
        for (String table : List.of(
                "account",
                "account_role",
                "account_token",
                "edition",
                "category",
                "criterion",
                "criterion_anchor",
                "question",
                "territory",
                "territory_member",
                "nomination",
                "reference_counter",
                "answer",
                "attachment",
                "juror",
                "juror_expertise",
                "juror_affiliation",
                "conflict",
                "assignment",
                "score_sheet",
                "score",
                "score_sheet_revision",
                "jury_guide_version",
                "result",
                "decision",
                "decision_winner",
                "decision_mention",
                "public_vote",
                "audit_event",
                "outbox_message",
                "assignment_settings",
                "assignment_run",
                "job_claim",
                "databasechangelog")) {
            assertTrue(tables.contains(table), "missing table " + table);
        }
    }

    @Test
    void the_demo_edition_is_loaded_once_with_its_prizes_territories_nominations_and_jurors() {
        assertEquals(1L, count("select count(e) from Edition e"));
        Edition edition = editions.getCurrent();
        assertEquals(Demo.EDITION, edition.getCode());
        assertEquals(
                List.of("COM", "TER", "SOC", "MIX", "CDC"),
                edition.getCategories().stream().map(c -> c.getCode()).toList());
        assertTrue(
                edition.getCategories().stream().allMatch(c -> c.getCriteria().size() >= 3));
        // Other tests add territories of their own: count the demo's, whose contacts are on the demo domain.
        String demo =
                "exists (select m from Territory d join d.members m where d = %s and m.email like '%%demo.palmares.org')";
        assertEquals(20L, count("select count(t) from Territory t where " + demo.formatted("t")));
        assertEquals(40L, count("select count(n) from Nomination n where " + demo.formatted("n.territory")));
        assertEquals(
                36L,
                count("select count(n) from Nomination n where n.reference is not null and "
                        + demo.formatted("n.territory")));
        assertEquals(12L, count("select count(j) from Juror j where j.account.email like '%@demo.palmares.org'"));
        assertEquals(1L, accounts.withRole(Role.ORGANISER).size());
    }

    @Test
    void the_demo_loader_leaves_a_database_that_is_not_empty_alone() {
        long accountsBefore = accounts.count();
        long nominationsBefore = count("select count(n) from Nomination n");
        assertFalse(demoLoader.loadIfEmpty(), "nothing is loaded into a database that holds data");
        assertEquals(accountsBefore, accounts.count());
        assertEquals(nominationsBefore, count("select count(n) from Nomination n"));
        assertEquals(1L, count("select count(e) from Edition e"));
    }

    @Test
    void reference_numbers_are_consecutive_per_category_without_gaps() {
        List<String> refs = em.createQuery(
                        "select n.reference from Nomination n where n.category.code = 'SOC' "
                                + "and n.reference is not null order by n.reference",
                        String.class)
                .getResultList();
        for (int i = 0; i < refs.size(); i++) {
            assertEquals(String.format(Demo.EDITION + "-SOC-%03d", i + 1), refs.get(i));
        }
    }

    @Test
    void the_database_refuses_a_second_assignment_of_the_same_juror_to_the_same_nomination() throws Exception {
        Juror juror = em.createQuery("select j from Juror j order by j.id", Juror.class)
                .setMaxResults(1)
                .getSingleResult();
        Nomination nomination = firstSubmitted();
        tx.begin();
        em.persist(new Assignment(em.merge(juror), em.merge(nomination), AssignmentSource.MANUAL, clock));
        tx.commit();
        tx.begin();
        try {
            em.persist(new Assignment(em.merge(juror), em.merge(nomination), AssignmentSource.AUTO, clock));
            assertThrows(Exception.class, () -> em.flush());
        } finally {
            tx.rollback();
        }
    }

    @Test
    void the_database_refuses_a_second_score_sheet_for_one_assignment() throws Exception {
        Juror juror = em.createQuery("select j from Juror j order by j.id desc", Juror.class)
                .setMaxResults(1)
                .getSingleResult();
        Nomination nomination = firstSubmitted();
        tx.begin();
        Assignment assignment = new Assignment(em.merge(juror), em.merge(nomination), AssignmentSource.MANUAL, clock);
        em.persist(assignment);
        em.persist(new ScoreSheet(assignment, clock));
        tx.commit();
        tx.begin();
        try {
            em.persist(new ScoreSheet(em.merge(assignment), clock));
            assertThrows(Exception.class, () -> em.flush());
        } finally {
            tx.rollback();
        }
    }

    @Test
    void the_database_refuses_one_nomination_too_many_for_a_territory_in_a_category() throws Exception {
        Nomination existing = firstSubmitted();
        tx.begin();
        try {
            em.persist(new Nomination(
                    em.merge(existing.getCategory()),
                    em.merge(existing.getTerritory()),
                    existing.getSlot(),
                    "Doublon",
                    clock));
            assertThrows(Exception.class, () -> em.flush());
        } finally {
            tx.rollback();
        }
    }

    @Test
    void the_database_refuses_two_public_votes_of_one_voter_in_a_category() throws Exception {
        Nomination nomination = em.createQuery(
                        "select n from Nomination n where n.category.publicVote = true "
                                + "and n.reference is not null order by n.id",
                        Nomination.class)
                .setMaxResults(1)
                .getSingleResult();
        tx.begin();
        em.persist(new org.palmares.ceremony.PublicVote(
                em.merge(nomination.getCategory()), em.merge(nomination), "hash-1", "127.0.0", clock.instant()));
        tx.commit();
        tx.begin();
        try {
            em.persist(new org.palmares.ceremony.PublicVote(
                    em.merge(nomination.getCategory()), em.merge(nomination), "hash-1", "127.0.0", clock.instant()));
            assertThrows(Exception.class, () -> em.flush());
        } finally {
            tx.rollback();
        }
    }

    @Test
    void version_columns_detect_a_concurrent_change_of_an_edition() {
        Edition first = editions.getCurrent();
        Edition second = editions.getCurrent();
        first.setNameEn("Clause Trophies 2019 (renamed)");
        Access.asSystem(() -> editions.update(first));
        second.setNameEn("Someone else's name");
        var thrown = assertThrows(Exception.class, () -> Access.asSystem(() -> editions.update(second)));
        assertTrue(rootMessage(thrown).contains("error.concurrentChange"), rootMessage(thrown));
        Edition restored = editions.getCurrent();
        restored.setNameEn("Clause Trophies 2019");
        Access.asSystem(() -> editions.update(restored));
    }

    @Test
    void an_invitation_is_mailed_to_the_outbox_and_its_link_sets_the_password_once() throws Exception {
        Access.asSystem(
                () -> accounts.invite("nouvelle.jure@example.org", "Nouvelle Jurée", Role.JUROR, Locale.FRENCH));
        OutboxMessage mail = mailer.outbox(10).stream()
                .filter(m -> m.getRecipient().equals("nouvelle.jure@example.org"))
                .findFirst()
                .orElseThrow();
        assertEquals(OutboxStatus.HELD, mail.getStatus(), "no SMTP server: the mail stays in the outbox");
        Matcher link = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(mail.getBody());
        assertTrue(link.find(), mail.getBody());
        String token = link.group(1);
        assertTrue(accounts.findUsableToken(token).isPresent());
        accounts.setPasswordWithToken(token, "une phrase de passe solide");
        assertFalse(accounts.findUsableToken(token).isPresent(), "a link works once");
        assertThrows(Exception.class, () -> accounts.setPasswordWithToken(token, "une autre phrase solide"));
        assertTrue(accounts.verify("nouvelle.jure@example.org", "une phrase de passe solide", "10.0.0.1")
                .isPresent());
    }

    @Test
    void a_conflict_found_after_assignment_ends_the_assignment_but_keeps_it_for_the_audit() throws Exception {
        Juror juror = em.createQuery(
                        "select j from Juror j where j.account.email = 'jure05@demo.palmares.org'", Juror.class)
                .getSingleResult();
        Nomination nomination = em.createQuery(
                        "select n from Nomination n where n.reference = '" + Demo.EDITION + "-COM-002'",
                        Nomination.class)
                .getSingleResult();
        tx.begin();
        Assignment assignment = new Assignment(em.merge(juror), em.merge(nomination), AssignmentSource.AUTO, clock);
        em.persist(assignment);
        tx.commit();
        Access.asSystem(() -> jurors.recordConflict(
                juror.getId(),
                nomination.getId(),
                org.palmares.jury.ConflictKind.ORGANISER,
                "Ancien salarié du territoire"));
        boolean recused = em.createQuery("select a.recused from Assignment a where a.id = :id", Boolean.class)
                .setParameter("id", assignment.getId())
                .getSingleResult();
        assertTrue(recused, "the assignment no longer counts, and stays on record");
        assertTrue(jurors.inConflict(em.find(Juror.class, juror.getId()), nomination));
        assertEquals(
                1L,
                count("select count(c) from Conflict c where c.juror.id = " + juror.getId() + " and c.nomination.id = "
                        + nomination.getId()));
        Access.asSystem(() -> jurors.recordConflict(
                juror.getId(), nomination.getId(), org.palmares.jury.ConflictKind.ORGANISER, "Deux fois"));
        assertEquals(
                1L,
                count("select count(c) from Conflict c where c.juror.id = " + juror.getId() + " and c.nomination.id = "
                        + nomination.getId()),
                "recorded once");
    }

    @Test
    void an_online_backup_is_a_database_derby_opens_with_the_same_rows_and_it_is_listed() throws Exception {
        if (!onDerby()) {
            // PostgreSQL has its own tools (pg_dump): the command says so instead of half a backup.
            var refused = assertThrows(DomainException.class, () -> Access.asSystem(() -> backups.create()));
            assertEquals("backup.notDerby", refused.messageKey());
            return;
        }
        var backup = Access.asSystem(() -> backups.create());
        java.nio.file.Path folder = java.nio.file.Path.of(backup.path());
        assertTrue(java.nio.file.Files.isRegularFile(folder.resolve("manifest.json")));
        assertTrue(java.nio.file.Files.isDirectory(folder.resolve("attachments")));
        long live = count("select count(n) from Nomination n");
        assertEquals(live, backup.nominations(), "the manifest counts what the database held");
        String url = "jdbc:derby:" + folder.resolve("db");
        try (Connection copy = java.sql.DriverManager.getConnection(url, "palmares", "palmares");
                var rows = copy.createStatement().executeQuery("select count(*) from nomination")) {
            rows.next();
            assertEquals(live, rows.getLong(1), "the backup opens as a database with the same nominations");
        } finally {
            try {
                java.sql.DriverManager.getConnection(url + ";shutdown=true", "palmares", "palmares");
            } catch (java.sql.SQLException closed) {
                assertEquals("08006", closed.getSQLState(), "Derby says a database shut down with 08006");
            }
        }
        assertTrue(Access.asSystem(() -> backups.list()).stream()
                .anyMatch(b -> b.name().equals(backup.name())));
    }

    @Test
    void affiliated_demo_jurors_have_a_same_territory_conflict_that_covers_the_territorys_nominations() {
        List<org.palmares.jury.Conflict> sameTerritory = em.createQuery(
                        "select c from Conflict c where c.kind = org.palmares.jury.ConflictKind.SAME_TERRITORY"
                                + " and c.juror.account.email like 'jure%@demo.palmares.org'",
                        org.palmares.jury.Conflict.class)
                .getResultList();
        // Other tests of this class invite jurors of their own; whatever the order, the demo's three are there.
        assertEquals(3, sameTerritory.size(), "three demo jurors belong to a territory");
        for (var conflict : sameTerritory) {
            List<Nomination> theirs = em.createQuery(
                            "select n from Nomination n where n.territory = :t", Nomination.class)
                    .setParameter("t", conflict.getTerritory())
                    .getResultList();
            assertFalse(theirs.isEmpty());
            theirs.forEach(n -> assertTrue(conflict.covers(n)));
        }
    }

    @Test
    void the_jury_guides_render_to_html_without_raw_html_and_the_charter_is_a_section_of_the_general_guide() {
        String charter = guides.charterHtml(Locale.FRENCH);
        assertTrue(charter.contains("<h2>Charte de confidentialité</h2>"), charter);
        assertFalse(charter.contains("Conflits d'intérêts</h2>"), "only the charter section");
        assertTrue(guides.charterHtml(Locale.ENGLISH).contains("Confidentiality charter"));
        assertTrue(guides.html("SOC", Locale.ENGLISH).contains("<h"), "category guides exist in English");
        assertFalse(guides.markdown("../../WEB-INF/web", Locale.FRENCH).isPresent(), "no path tricks");
    }

    @Test
    void an_invited_juror_gets_an_account_a_place_in_the_jury_and_a_conflict_with_their_territory() {
        Edition edition = editions.getCurrent();
        var social = edition.getCategories().stream()
                .filter(c -> c.getCode().equals("SOC"))
                .findFirst()
                .orElseThrow();
        var territory = em.createQuery(
                        "select t from Territory t order by t.name", org.palmares.nomination.Territory.class)
                .setMaxResults(1)
                .getSingleResult();
        Juror juror = Access.asSystem(() -> jurors.invite(
                edition,
                "Nouveau.Jure@Example.org",
                "Nouveau Juré",
                "Bretagne",
                7,
                "Fédération du BTP",
                "Jury national",
                List.of(social.getId()),
                List.of(territory.getId()),
                Locale.FRENCH));
        Juror stored = em.find(Juror.class, juror.getId());
        assertEquals("nouveau.jure@example.org", stored.getAccount().getEmail());
        assertTrue(stored.getAccount().has(Role.JUROR));
        assertEquals(7, stored.getCapacity());
        assertEquals(
                List.of("SOC"),
                stored.getExpertise().stream().map(c -> c.getCode()).toList());
        assertTrue(Access.asSystem(() -> jurors.conflictsOfEdition(edition)).stream()
                .anyMatch(c -> c.getJuror().getId().equals(juror.getId())
                        && c.getKind() == org.palmares.jury.ConflictKind.SAME_TERRITORY
                        && c.getTerritory().getId().equals(territory.getId())));
        assertTrue(mailer.outbox(20).stream().anyMatch(m -> m.getRecipient().equals("nouveau.jure@example.org")));
        var again = assertThrows(
                Exception.class,
                () -> Access.asSystem(() -> jurors.invite(
                        edition,
                        "nouveau.jure@example.org",
                        "Nouveau Juré",
                        null,
                        3,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        Locale.FRENCH)));
        assertTrue(rootMessage(again).contains("jurors.already"), rootMessage(again));
    }

    @Inject
    org.palmares.nomination.ScreeningService screening;

    @Inject
    org.palmares.nomination.NominationService nominations;

    @Inject
    org.palmares.nomination.TerritoryService territories;

    /** A new territory with one member and one submitted nomination in the edition's first category. */
    private Nomination submittedByANewTerritory(String name, String title, String summary) {
        Edition edition = editions.getCurrent();
        long categoryId = edition.getCategories().get(0).getId();
        return Access.asSystem(() -> {
            var territory = territories.create(name, org.palmares.nomination.TerritoryKind.ASSOCIATION, "Corse", "2B");
            var member = accounts.invite(
                    name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "@example.org",
                    "Contact " + name,
                    Role.TERRITORY,
                    Locale.FRENCH);
            territories.addMember(territory.getId(), member);
            Nomination draft = nominations.createDraft(territory.getId(), categoryId, title);
            nominations.edit(draft.getId(), title, summary);
            return nominations.submit(draft.getId());
        });
    }

    @Test
    void the_organisers_list_filters_counts_and_pages_in_the_database() {
        Nomination mine = submittedByANewTerritory("Filtre Bastia", "Chantier d'insertion du port", "Résumé 50% _x_");
        Edition edition = editions.getCurrent();
        var byText = new org.palmares.nomination.NominationFilter(null, null, null, null, "50% _X_");
        List<Nomination> found = Access.asSystem(
                () -> screening.page(edition, byText, org.palmares.nomination.NominationSort.REFERENCE, true, 0, 25));
        assertEquals(
                List.of(mine.getId()), found.stream().map(Nomination::getId).toList(), "wildcards are literal");
        var byRegion = new org.palmares.nomination.NominationFilter(null, null, "Corse", null, null);
        assertTrue(Access.asSystem(() -> screening.count(edition, byRegion)) >= 1);
        long all = Access.asSystem(() -> screening.count(edition, org.palmares.nomination.NominationFilter.none()));
        long drafts = count("select count(n) from Nomination n where n.status = "
                + "org.palmares.nomination.NominationStatus.DRAFT and n.category.edition.id = " + edition.getId());
        long total = count("select count(n) from Nomination n where n.category.edition.id = " + edition.getId());
        assertEquals(total - drafts, all, "drafts stay out of the list unless asked for");
        List<Nomination> secondPage = Access.asSystem(() -> screening.page(
                edition,
                org.palmares.nomination.NominationFilter.none(),
                org.palmares.nomination.NominationSort.TITLE,
                false,
                5,
                5));
        assertEquals(5, secondPage.size());
        for (int i = 1; i < secondPage.size(); i++) {
            assertTrue(
                    secondPage.get(i - 1).getTitle().compareTo(secondPage.get(i).getTitle()) >= 0, "descending");
        }
        var counts = Access.asSystem(() -> screening.counts(edition));
        assertEquals(
                total,
                edition.getCategories().stream()
                        .mapToLong(c -> counts.ofCategory(c.getCode()))
                        .sum());
        assertEquals(all, counts.listed(null, null), "the list's count read from the counts leaves drafts out too");
        var first = edition.getCategories().get(0);
        var submittedInFirst = new org.palmares.nomination.NominationFilter(
                first.getId(), org.palmares.nomination.NominationStatus.SUBMITTED, null, null, null);
        assertEquals(
                Access.asSystem(() -> screening.count(edition, submittedInFirst)),
                counts.listed(first.getCode(), org.palmares.nomination.NominationStatus.SUBMITTED));
        assertTrue(Access.asSystem(() -> screening.regions()).contains("Corse"), "régions come from the territories");
    }

    @Test
    void an_ineligible_verdict_needs_a_reason_which_the_territory_is_mailed_and_history_keeps() {
        Nomination n = submittedByANewTerritory("Verdict Ajaccio", "Clause verte", "Résumé");
        var refused =
                assertThrows(Exception.class, () -> Access.asSystem(() -> screening.screen(n.getId(), false, " ")));
        assertTrue(rootMessage(refused).contains("screening.reason.required"), rootMessage(refused));
        Access.asSystem(() -> screening.screen(n.getId(), false, "Projet hors du territoire"));
        Nomination screened = em.find(Nomination.class, n.getId());
        assertEquals(org.palmares.nomination.NominationStatus.INELIGIBLE, screened.getStatus());
        assertEquals("Projet hors du territoire", screened.getEligibilityReason());
        var outbox = mailer.outbox(50);
        assertTrue(
                outbox.stream()
                        .anyMatch(m -> m.getRecipient().equals("verdictajaccio@example.org")
                                && m.getBody().contains("Projet hors du territoire")),
                () -> outbox.stream()
                        .map(m -> m.getRecipient() + ": " + m.getSubject())
                        .toList()
                        .toString());
        Access.asSystem(() -> screening.screen(n.getId(), true, null));
        List<String> actions = Access.asSystem(() -> screening.history(n.getId())).stream()
                .map(org.palmares.platform.AuditEvent::getAction)
                .toList();
        assertTrue(
                actions.containsAll(List.of("nomination.create", "nomination.submit", "nomination.screen")),
                actions.toString());
        assertEquals(2, actions.stream().filter("nomination.screen"::equals).count());
    }

    @Test
    void a_draft_cannot_be_screened_and_a_juror_cannot_screen() {
        Nomination draft = firstDraft();
        var refused =
                assertThrows(Exception.class, () -> Access.asSystem(() -> screening.screen(draft.getId(), true, null)));
        assertTrue(rootMessage(refused).contains("screening.notSubmitted"), rootMessage(refused));
        var forbidden = assertThrows(
                Exception.class, () -> screening.screen(firstSubmitted().getId(), true, null));
        assertTrue(rootMessage(forbidden).contains("forbidden"), rootMessage(forbidden));
    }

    @Test
    void a_moved_nomination_keeps_its_reference_and_takes_a_free_place_in_the_new_category() {
        Nomination n = submittedByANewTerritory("Déplacement Corte", "Mixité au chantier", "Résumé");
        var target = editions.getCurrent().getCategories().get(1);
        Access.asSystem(() -> screening.move(n.getId(), target.getId(), "Relève plutôt de la mixité"));
        Nomination moved = em.find(Nomination.class, n.getId());
        assertEquals(target.getId(), moved.getCategory().getId());
        assertEquals(n.getReference(), moved.getReference(), "the reference stays");
        var again = submittedByANewTerritory("Déplacement Calvi", "Autre", "Résumé");
        Access.asSystem(() -> nominations.createDraft(again.getTerritory().getId(), target.getId(), "Déjà là"));
        var limit = assertThrows(
                Exception.class, () -> Access.asSystem(() -> screening.move(again.getId(), target.getId(), "Essai")));
        assertTrue(rootMessage(limit).contains("screening.move.limit"), rootMessage(limit));
    }

    @Test
    void the_export_defuses_formulas_and_holds_one_row_per_listed_nomination() throws Exception {
        Nomination n = submittedByANewTerritory("Export Porto", "=HYPERLINK(\"http://evil.example\")", "@SUM(A1)");
        Edition edition = editions.getCurrent();
        var filter = new org.palmares.nomination.NominationFilter(null, null, "Corse", null, "evil.example");
        var export = new org.palmares.nomination.NominationExport(Locale.FRENCH, edition.zone(), List.of());
        var out = new java.io.ByteArrayOutputStream();
        try (var writer = org.palmares.platform.TableExport.open(org.palmares.platform.TableExport.Format.CSV, out)) {
            writer.write(export.header());
            Access.asSystem(() -> {
                screening.forEachBatch(
                        edition,
                        filter,
                        batch -> batch.forEach(row -> {
                            try {
                                writer.write(export.row(row, List.of()));
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }));
                return null;
            });
        }
        String csv = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, csv.lines().count(), csv);
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\""), csv);
        assertTrue(csv.contains(n.getReference()), csv);
    }

    private org.palmares.nomination.JoinRequest joinRequest(String name, String email) {
        return territories.requestToJoin(new org.palmares.nomination.JoinRequest(
                name,
                org.palmares.nomination.TerritoryKind.PLIE,
                "Bretagne",
                "35",
                "Contact " + name,
                email,
                null,
                "fr",
                clock));
    }

    @Test
    void an_approved_request_to_join_makes_the_territory_and_invites_its_contact() {
        var request = joinRequest("PLIE de Rennes Approuvé", "plie.rennes@example.org");
        var territory = Access.asSystem(() -> territories.approve(request.getId()));
        assertEquals("PLIE de Rennes Approuvé", territory.getName());
        assertEquals(
                territory.getId(),
                territories.ofMember("plie.rennes@example.org").orElseThrow().getId());
        assertTrue(accounts.getByEmail("plie.rennes@example.org").has(Role.TERRITORY));
        assertTrue(mailer.outbox(50).stream().anyMatch(m -> m.getRecipient().equals("plie.rennes@example.org")));
        var twice = assertThrows(Exception.class, () -> Access.asSystem(() -> territories.approve(request.getId())));
        assertTrue(rootMessage(twice).contains("error.notFound"), "a decided request is decided once");
        var again = assertThrows(Exception.class, () -> joinRequest("PLIE de Rennes Approuvé", "autre@example.org"));
        assertTrue(rootMessage(again).contains("territory.name.taken"), rootMessage(again));
    }

    @Test
    void a_rejected_request_needs_a_reason_that_the_contact_receives_and_only_organisers_decide() {
        var request = joinRequest("Commune Refusée", "commune.refusee@example.org");
        var forbidden = assertThrows(Exception.class, () -> territories.reject(request.getId(), "Non"));
        assertTrue(rootMessage(forbidden).contains("error.forbidden"), rootMessage(forbidden));
        var noReason =
                assertThrows(Exception.class, () -> Access.asSystem(() -> territories.reject(request.getId(), "")));
        assertTrue(rootMessage(noReason).contains("territories.reject.reasonRequired"), rootMessage(noReason));
        Access.asSystem(() -> territories.reject(request.getId(), "Hors du réseau des PLIE"));
        assertTrue(mailer.outbox(50).stream()
                .anyMatch(m -> m.getRecipient().equals("commune.refusee@example.org")
                        && m.getBody().contains("Hors du réseau des PLIE")));
        assertTrue(territories.findByName("Commune Refusée").isEmpty());
    }

    @Test
    void a_contact_already_in_another_territory_cannot_be_invited_to_a_second_one() {
        var refused = assertThrows(
                Exception.class,
                () -> Access.asSystem(() -> territories.inviteContact(
                        "Territoire Doublon",
                        org.palmares.nomination.TerritoryKind.COMMUNE,
                        "Bretagne",
                        "22",
                        "Contact",
                        "contact@mde-olaine.demo.palmares.org",
                        Locale.FRENCH)));
        assertTrue(rootMessage(refused).contains("territories.memberElsewhere"), rootMessage(refused));
        assertTrue(territories.findByName("Territoire Doublon").isEmpty(), "nothing is kept of the attempt");
    }

    private Nomination firstDraft() {
        return em.createQuery(
                        "select n from Nomination n where n.status = org.palmares.nomination.NominationStatus.DRAFT "
                                + "order by n.id",
                        Nomination.class)
                .setMaxResults(1)
                .getSingleResult();
    }

    private Nomination firstSubmitted() {
        return em.createQuery(
                        "select n from Nomination n where n.reference is not null order by n.id", Nomination.class)
                .setMaxResults(1)
                .getSingleResult();
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) all.append(c).append(" | ");
        return all.toString();
    }

    private long probeEntries(String objectId) {
        return em.createQuery(
                        "select count(a) from AuditEvent a where a.objectType = 'probe' and a.objectId = :id",
                        Long.class)
                .setParameter("id", objectId)
                .getSingleResult();
    }

    @Test
    void a_transaction_refused_for_contention_is_run_again_and_kept_once() {
        contention.attemptsSinceLastCall();
        contention.write("retried-once", 1);
        assertEquals(2, contention.attemptsSinceLastCall());
        assertEquals(1, probeEntries("retried-once"), "the refused attempt was rolled back, the second one kept");
    }

    @Test
    void contention_that_lasts_is_given_up_after_three_attempts_with_nothing_kept() {
        contention.attemptsSinceLastCall();
        assertThrows(IllegalStateException.class, () -> contention.write("given-up", 5));
        assertEquals(3, contention.attemptsSinceLastCall());
        assertEquals(0, probeEntries("given-up"));
    }

    @Test
    void a_call_inside_a_running_transaction_is_not_retried() throws Exception {
        contention.attemptsSinceLastCall();
        tx.begin();
        try {
            assertThrows(Exception.class, () -> contention.write("joined", 1));
        } finally {
            tx.rollback();
        }
        assertEquals(1, contention.attemptsSinceLastCall());
    }

    private boolean onDerby() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().contains("Derby");
        }
    }
}
