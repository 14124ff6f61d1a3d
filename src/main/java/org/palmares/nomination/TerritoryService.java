package org.palmares.nomination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.account.Account;
import org.palmares.account.AccountService;
import org.palmares.account.Role;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.Mailer;
import org.palmares.platform.Messages;

/** Territories and their member accounts: invitations, requests to join, colleagues. */
@ApplicationScoped
public class TerritoryService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Access access;

    @Inject
    AccountService accounts;

    @Inject
    Mailer mailer;

    @Inject
    Event<TerritoryMemberJoined> joined;

    @Inject
    @ConfigProperty(name = "palmares.base.url", defaultValue = "http://localhost:8080")
    String baseUrl;

    @Transactional
    public Territory create(
            @NotBlank String name, @NotNull TerritoryKind kind, @NotBlank String region, @NotBlank String departement) {
        access.require(Role.ORGANISER);
        if (findByName(name).isPresent()) throw DomainException.conflict("territory.name.taken", name);
        var territory = new Territory(name, kind, region, departement, clock);
        em.persist(territory);
        em.flush();
        audit.record("territory.create", "Territory", name);
        return territory;
    }

    @Transactional
    public void addMember(long territoryId, Account account) {
        access.require(Role.ORGANISER);
        Territory territory = get(territoryId);
        join(territory, account);
        audit.record("territory.addMember", "Territory", territory.getName(), null, account.getEmail());
    }

    public Optional<Territory> findByName(String name) {
        return em.createQuery("select t from Territory t where t.name = :n", Territory.class)
                .setParameter("n", name)
                .getResultStream()
                .findFirst();
    }

    public Territory get(long id) {
        return Optional.ofNullable(em.find(Territory.class, id))
                .orElseThrow(() -> DomainException.notFound("territory"));
    }

    /** The territory an account is a member of. */
    public Optional<Territory> ofMember(String email) {
        return em.createQuery("select t from Territory t join t.members m where m.email = :e", Territory.class)
                .setParameter("e", Account.normaliseEmail(email))
                .getResultStream()
                .findFirst();
    }

    public List<Territory> all() {
        return em.createQuery("select t from Territory t order by t.name", Territory.class)
                .getResultList();
    }

    /**
     * An organiser invites a territory's contact: the territory is made unless it exists (same name), and the
     * contact's account gets a link to choose a password.
     */
    @Transactional
    public Territory inviteContact(
            @NotBlank String name,
            @NotNull TerritoryKind kind,
            @NotBlank String region,
            @NotBlank String departement,
            @NotBlank String contactName,
            @NotBlank String contactEmail,
            Locale locale) {
        access.require(Role.ORGANISER);
        Territory territory = findByName(name.strip()).orElseGet(() -> create(name.strip(), kind, region, departement));
        requireNotInAnotherTerritory(contactEmail, territory);
        Account account = accounts.invite(contactEmail, contactName, Role.TERRITORY, locale);
        addMember(territory.getId(), account);
        return territory;
    }

    /** Anyone may ask for their territory to take part; the organisers are told and decide. */
    @Transactional
    public JoinRequest requestToJoin(@NotNull @Valid JoinRequest request) {
        if (findByName(request.getTerritoryName().strip()).isPresent()) {
            throw DomainException.conflict("territory.name.taken", request.getTerritoryName());
        }
        em.persist(request);
        em.flush();
        audit.record("territory.joinRequest", "JoinRequest", request.getId(), null, request.getTerritoryName());
        for (Account organiser : accounts.withRole(Role.ORGANISER)) {
            Locale locale = localeOf(organiser.getLocale());
            mailer.send(
                    organiser.getEmail(),
                    Messages.get(locale, "mail.joinRequest.subject", request.getTerritoryName()),
                    Messages.get(
                            locale,
                            "mail.joinRequest.body",
                            organiser.getDisplayName(),
                            request.getTerritoryName(),
                            request.getContactName(),
                            request.getContactEmail()));
        }
        return request;
    }

    public List<JoinRequest> pendingRequests() {
        access.require(Role.ORGANISER);
        return em.createQuery(
                        "select r from JoinRequest r where r.status = org.palmares.nomination.JoinRequestStatus.PENDING "
                                + "order by r.createdAt",
                        JoinRequest.class)
                .getResultList();
    }

    /** Approves a request: the territory is made and its contact invited, as if an organiser had typed it in. */
    @Transactional
    public Territory approve(long requestId) {
        access.require(Role.ORGANISER);
        JoinRequest request = pending(requestId);
        Territory territory = inviteContact(
                request.getTerritoryName(),
                request.getKind(),
                request.getRegion(),
                request.getDepartement(),
                request.getContactName(),
                request.getContactEmail(),
                localeOf(request.getLocale()));
        request.approve(territory, access.callerEmail().orElse("system"), clock);
        audit.record("territory.joinApproved", "JoinRequest", request.getId(), null, territory.getName());
        return territory;
    }

    /** Rejects a request with a reason, which the contact is e-mailed. */
    @Transactional
    public JoinRequest reject(long requestId, @Size(max = 1000) String reason) {
        access.require(Role.ORGANISER);
        if (reason == null || reason.isBlank()) throw DomainException.invalid("territories.reject.reasonRequired");
        JoinRequest request = pending(requestId);
        request.reject(reason.strip(), access.callerEmail().orElse("system"), clock);
        Locale locale = localeOf(request.getLocale());
        mailer.send(
                request.getContactEmail(),
                Messages.get(locale, "mail.joinRejected.subject", request.getTerritoryName()),
                Messages.get(
                        locale,
                        "mail.joinRejected.body",
                        request.getContactName(),
                        request.getTerritoryName(),
                        request.getDecisionReason()));
        audit.record("territory.joinRejected", "JoinRequest", request.getId(), null, request.getDecisionReason());
        return request;
    }

    /**
     * A member of a territory invites a colleague. Nobody joins without consent: the invitee (told by e-mail, and sent a
     * link to choose a password if they have no account yet) accepts or declines from their account page. The answer
     * is the same whether the address had an account or not, so the form tells nothing about who is registered.
     */
    @Transactional
    public ColleagueInvitation inviteColleague(
            @NotBlank @org.palmares.platform.PlainEmail String email, @NotBlank String name, Locale locale) {
        String caller = access.callerEmail().orElseThrow(DomainException::forbidden);
        Territory territory = ofMember(caller).orElseThrow(DomainException::forbidden);
        String invitee = Account.normaliseEmail(email);
        if (territory.getMembers().stream().anyMatch(m -> m.getEmail().equals(invitee))) {
            throw DomainException.conflict("colleagues.already", invitee);
        }
        Optional<ColleagueInvitation> pending = pendingInvitation(territory, invitee);
        if (pending.isPresent()) return pending.get();
        Account account = accounts.ensureInvited(invitee, name.strip(), locale);
        var invitation = new ColleagueInvitation(territory, account, caller, clock);
        em.persist(invitation);
        em.flush();
        Locale lang = localeOf(account.getLocale() == null ? locale.toLanguageTag() : account.getLocale());
        mailer.send(
                account.getEmail(),
                Messages.get(lang, "mail.colleague.subject", territory.getName()),
                Messages.get(
                        lang,
                        "mail.colleague.body",
                        account.getDisplayName(),
                        caller,
                        territory.getName(),
                        baseUrl + "/account/index.xhtml"));
        audit.record("territory.inviteColleague", "Territory", territory.getName(), null, invitee);
        return invitation;
    }

    /** The invitations of the caller's territory still waiting for an answer. */
    public List<ColleagueInvitation> pendingOfMyTerritory() {
        String caller = access.callerEmail().orElseThrow(DomainException::forbidden);
        return ofMember(caller)
                .map(t -> em.createQuery(
                                "select i from ColleagueInvitation i where i.territory = :t and i.status = :s "
                                        + "order by i.createdAt",
                                ColleagueInvitation.class)
                        .setParameter("t", t)
                        .setParameter("s", ColleagueInvitation.Status.PENDING)
                        .getResultList())
                .orElse(List.of());
    }

    /** The invitations waiting for the caller's own answer. */
    public List<ColleagueInvitation> invitationsToMe() {
        return access.callerEmail()
                .map(email -> em.createQuery(
                                "select i from ColleagueInvitation i where i.account.email = :e and i.status = :s "
                                        + "order by i.createdAt",
                                ColleagueInvitation.class)
                        .setParameter("e", Account.normaliseEmail(email))
                        .setParameter("s", ColleagueInvitation.Status.PENDING)
                        .getResultList())
                .orElse(List.of());
    }

    /**
     * The caller accepts an invitation addressed to them: they become a member of the territory (and, if they are a
     * juror, in conflict of interest with it at once). One territory per account: a member elsewhere is refused.
     */
    @Transactional
    public Territory acceptInvitation(long invitationId) {
        ColleagueInvitation invitation = myPendingInvitation(invitationId);
        Territory territory = invitation.getTerritory();
        requireNotInAnotherTerritory(invitation.getAccount().getEmail(), territory);
        invitation.accept(clock);
        join(territory, invitation.getAccount());
        audit.record(
                "territory.invitationAccepted",
                "Territory",
                territory.getName(),
                null,
                invitation.getAccount().getEmail());
        return territory;
    }

    @Transactional
    public void declineInvitation(long invitationId) {
        ColleagueInvitation invitation = myPendingInvitation(invitationId);
        invitation.decline(clock);
        audit.record(
                "territory.invitationDeclined",
                "Territory",
                invitation.getTerritory().getName(),
                null,
                invitation.getAccount().getEmail());
    }

    private ColleagueInvitation myPendingInvitation(long invitationId) {
        String caller = access.callerEmail().map(Account::normaliseEmail).orElseThrow(DomainException::forbidden);
        return Optional.ofNullable(em.find(ColleagueInvitation.class, invitationId))
                .filter(ColleagueInvitation::isPending)
                .filter(i -> i.getAccount().getEmail().equals(caller))
                .orElseThrow(() -> DomainException.notFound("invitation"));
    }

    private Optional<ColleagueInvitation> pendingInvitation(Territory territory, String email) {
        return em.createQuery(
                        "select i from ColleagueInvitation i where i.territory = :t and i.account.email = :e "
                                + "and i.status = :s",
                        ColleagueInvitation.class)
                .setParameter("t", territory)
                .setParameter("e", email)
                .setParameter("s", ColleagueInvitation.Status.PENDING)
                .getResultStream()
                .findFirst();
    }

    /** Makes an account a member; every way in comes here, so the jury hears of each one. */
    private void join(Territory territory, Account account) {
        Account managed = em.merge(account);
        managed.grant(Role.TERRITORY);
        territory.addMember(managed);
        em.flush();
        joined.fire(new TerritoryMemberJoined(territory.getId(), managed.getId()));
    }

    /** The members of the caller's own territory. */
    public List<Account> colleagues() {
        String caller = access.callerEmail().orElseThrow(DomainException::forbidden);
        return ofMember(caller)
                .map(t -> t.getMembers().stream()
                        .sorted(java.util.Comparator.comparing(Account::getDisplayName))
                        .toList())
                .orElse(List.of());
    }

    /** Every territory with its number of members and of nominations in an edition, for organisers. */
    public List<Overview> overview(long editionId) {
        access.require(Role.ORGANISER);
        java.util.Map<Long, Long> nominations = new java.util.HashMap<>();
        em.createQuery(
                        "select n.territory.id, count(n) from Nomination n where n.category.edition.id = :e "
                                + "and n.status <> org.palmares.nomination.NominationStatus.DRAFT group by n.territory.id",
                        Object[].class)
                .setParameter("e", editionId)
                .getResultList()
                .forEach(row -> nominations.put((Long) row[0], (Long) row[1]));
        return all().stream()
                .map(t -> new Overview(t, t.getMembers().size(), nominations.getOrDefault(t.getId(), 0L)))
                .toList();
    }

    private void requireNotInAnotherTerritory(String email, Territory territory) {
        ofMember(email)
                .filter(other -> !other.getId().equals(territory.getId()))
                .ifPresent(other -> {
                    throw DomainException.conflict("territories.memberElsewhere", email, other.getName());
                });
    }

    private JoinRequest pending(long requestId) {
        return Optional.ofNullable(em.find(JoinRequest.class, requestId))
                .filter(JoinRequest::isPending)
                .orElseThrow(() -> DomainException.notFound("joinRequest"));
    }

    private static Locale localeOf(String tag) {
        return tag == null || tag.isBlank() ? Messages.DEFAULT : Messages.supported(Locale.forLanguageTag(tag));
    }

    /** A territory, how many accounts it has and how many nominations it sent. */
    public record Overview(Territory territory, int members, long nominations) {
        public Territory getTerritory() {
            return territory;
        }

        public int getMembers() {
            return members;
        }

        public long getNominations() {
            return nominations;
        }
    }
}
