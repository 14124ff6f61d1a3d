package org.palmares.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.function.Function;
import org.palmares.jury.Conflict;
import org.palmares.jury.Juror;
import org.palmares.nomination.JoinRequest;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.Territory;
import org.palmares.platform.Access;
import org.palmares.platform.AuditEvent;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.JsonSupport;
import org.palmares.platform.OutboxMessage;
import org.palmares.scoring.ScoreSheet;

/**
 * Everything Palmarès holds about the logged-in person, as one JSON document they can download (the right of access
 * of the GDPR): their account, their territories and these territories' nominations, their juries with conflicts,
 * assignments and score sheets, the e-mails sent to them, their requests to join and what they did (audit).
 * Nothing about other people beyond what their own pages already show them.
 */
@ApplicationScoped
public class PersonalData {
    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    AccountService accounts;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public JsonObject ofCaller() {
        String email = access.callerEmail().orElseThrow(DomainException::forbidden);
        Account account = accounts.getByEmail(email);
        audit.record("personalData.download", "Account", account.getId());
        return JsonSupport.JSON
                .createObjectBuilder()
                .add("exportedAt", clock.instant().toString())
                .add("account", account(account))
                .add("territories", array(territories(account), this::territory))
                .add("juries", array(juries(account), this::jury))
                .add("joinRequests", array(joinRequests(email), PersonalData::joinRequest))
                .add("emailsReceived", array(mails(email), PersonalData::mail))
                .add("actions", array(actions(email), PersonalData::action))
                .build();
    }

    private static JsonObjectBuilder account(Account a) {
        JsonObjectBuilder o = object().add("email", a.getEmail())
                .add("displayName", text(a.getDisplayName()))
                .add("locale", text(a.getLocale()))
                .add("createdAt", time(a.getCreatedAt()))
                .add("lastLoginAt", time(a.getLastLoginAt()));
        JsonArrayBuilder roles = JsonSupport.JSON.createArrayBuilder();
        a.getRoles().stream().map(Role::name).sorted().forEach(roles::add);
        return o.add("roles", roles);
    }

    private Collection<Territory> territories(Account account) {
        return em.createQuery("select t from Territory t where :a member of t.members order by t.name", Territory.class)
                .setParameter("a", account)
                .getResultList();
    }

    private JsonObjectBuilder territory(Territory t) {
        var nominations = em.createQuery(
                        "select n from Nomination n where n.territory = :t order by n.createdAt", Nomination.class)
                .setParameter("t", t)
                .getResultList();
        return object().add("name", t.getName())
                .add("kind", t.getKind().name())
                .add("region", text(t.getRegion()))
                .add("departement", text(t.getDepartement()))
                .add("nominations", array(nominations, PersonalData::nomination));
    }

    private static JsonObjectBuilder nomination(Nomination n) {
        return object().add("reference", text(n.getReference()))
                .add("edition", n.getCategory().getEdition().getCode())
                .add("category", n.getCategory().getCode())
                .add("title", text(n.getTitle()))
                .add("summary", text(n.getSummary()))
                .add("status", n.getStatus().name())
                .add("eligibilityReason", text(n.getEligibilityReason()))
                .add("createdAt", time(n.getCreatedAt()))
                .add("submittedAt", time(n.getSubmittedAt()))
                .add(
                        "answers",
                        array(
                                n.getAnswers(),
                                a -> object().add("question", a.getQuestion().getLabelFr())
                                        .add("answer", text(a.getValue()))))
                .add(
                        "attachments",
                        array(
                                n.getAttachments(),
                                a -> object().add("name", a.getOriginalName())
                                        .add("size", a.getSize())
                                        .add("uploadedAt", time(a.getUploadedAt()))));
    }

    private Collection<Juror> juries(Account account) {
        return em.createQuery("select j from Juror j where j.account = :a order by j.id", Juror.class)
                .setParameter("a", account)
                .getResultList();
    }

    private JsonObjectBuilder jury(Juror j) {
        var conflicts = em.createQuery("select c from Conflict c where c.juror = :j order by c.id", Conflict.class)
                .setParameter("j", j)
                .getResultList();
        var sheets = em.createQuery(
                        "select s from ScoreSheet s where s.assignment.juror = :j order by s.id", ScoreSheet.class)
                .setParameter("j", j)
                .getResultList();
        JsonArrayBuilder expertise = JsonSupport.JSON.createArrayBuilder();
        j.getExpertise().forEach(c -> expertise.add(c.getCode()));
        JsonArrayBuilder affiliations = JsonSupport.JSON.createArrayBuilder();
        j.getAffiliations().forEach(t -> affiliations.add(t.getName()));
        return object().add("edition", j.getEdition().getCode())
                .add("organisation", text(j.getOrganisation()))
                .add("region", text(j.getRegion()))
                .add("capacity", j.getCapacity())
                .add("confidentialityAcceptedAt", time(j.getConfidentialityAcceptedAt()))
                .add("expertise", expertise)
                .add("affiliations", affiliations)
                .add("conflicts", array(conflicts, PersonalData::conflict))
                .add("scoreSheets", array(sheets, PersonalData::sheet));
    }

    private static JsonObjectBuilder conflict(Conflict c) {
        return object().add("kind", c.getKind().name())
                .add(
                        "territory",
                        c.getTerritory() == null ? "" : c.getTerritory().getName())
                .add(
                        "nomination",
                        c.getNomination() == null ? "" : text(c.getNomination().getReference()))
                .add("reason", text(c.getReason()))
                .add("createdAt", time(c.getCreatedAt()));
    }

    private static JsonObjectBuilder sheet(ScoreSheet s) {
        return object().add("nomination", text(s.getAssignment().getNomination().getReference()))
                .add("status", s.getStatus().name())
                .add("recused", s.getAssignment().isRecused())
                .add("overallComment", text(s.getOverallComment()))
                .add("updatedAt", time(s.getUpdatedAt()))
                .add("submittedAt", time(s.getSubmittedAt()))
                .add(
                        "scores",
                        array(
                                s.getScores(),
                                score -> object().add(
                                                "criterion",
                                                score.getCriterion().getNameFr())
                                        .add(
                                                "value",
                                                score.getValue() == null
                                                        ? ""
                                                        : score.getValue().toString())
                                        .add("comment", text(score.getComment()))));
    }

    private Collection<JoinRequest> joinRequests(String email) {
        return em.createQuery(
                        "select r from JoinRequest r where lower(r.contactEmail) = :e order by r.id", JoinRequest.class)
                .setParameter("e", email.toLowerCase(java.util.Locale.ROOT))
                .getResultList();
    }

    private static JsonObjectBuilder joinRequest(JoinRequest r) {
        return object().add("territoryName", text(r.getTerritoryName()))
                .add("contactName", text(r.getContactName()))
                .add("message", text(r.getMessage()))
                .add("status", r.getStatus().name())
                .add("decisionReason", text(r.getDecisionReason()))
                .add("createdAt", time(r.getCreatedAt()));
    }

    private Collection<OutboxMessage> mails(String email) {
        return em.createQuery(
                        "select m from OutboxMessage m where lower(m.recipient) = :e order by m.id",
                        OutboxMessage.class)
                .setParameter("e", email.toLowerCase(java.util.Locale.ROOT))
                .getResultList();
    }

    private static JsonObjectBuilder mail(OutboxMessage m) {
        return object().add("subject", text(m.getSubject()))
                .add("body", text(m.getBody()))
                .add("createdAt", time(m.getCreatedAt()))
                .add("sentAt", time(m.getSentAt()));
    }

    private Collection<AuditEvent> actions(String email) {
        return em.createQuery("select e from AuditEvent e where e.actor = :e order by e.at, e.id", AuditEvent.class)
                .setParameter("e", email)
                .setMaxResults(10_000)
                .getResultList();
    }

    private static JsonObjectBuilder action(AuditEvent e) {
        return object().add("at", time(e.getAt()))
                .add("action", e.getAction())
                .add("objectType", text(e.getObjectType()))
                .add("objectId", text(e.getObjectId()));
    }

    private static <T> JsonArrayBuilder array(Collection<T> items, Function<T, JsonObjectBuilder> each) {
        JsonArrayBuilder array = JsonSupport.JSON.createArrayBuilder();
        items.forEach(item -> array.add(each.apply(item)));
        return array;
    }

    private static JsonObjectBuilder object() {
        return JsonSupport.JSON.createObjectBuilder();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String time(TemporalAccessor t) {
        return t == null ? "" : t.toString();
    }
}
