package org.palmares.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.palmares.platform.Access;
import org.palmares.platform.AuditEvent;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;

/**
 * API tokens: organisers create, list and revoke them (never with a token); the authentication mechanism checks the
 * {@code Bearer} ones on each REST call and records their use.
 */
@ApplicationScoped
public class TokenService {
    /** The audit log's name for tokens. */
    public static final String OBJECT_TYPE = "ApiToken";

    /** The request attribute that marks a call authenticated by a token, holding the token's id. */
    public static final String BEARER_ATTRIBUTE = ApiToken.class.getName() + ".id";

    /**
     * Last-use columns are written at most this often per token (or when the address changes): a script polling
     * every second must not turn each read into a database write.
     */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    public static final int MAX_NAME = 100;
    public static final int MAX_DAYS = 366;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    AccountService accounts;

    @Inject
    HttpServletRequest request;

    /** A new token and its secret, which is shown this once and stored nowhere. */
    public record Issued(ApiToken token, String secret) {}

    /** The answer to a {@code Bearer} call. */
    public enum Outcome {
        VALID,
        /** Unknown, expired or revoked, or its owner may no longer use the API: 401. */
        INVALID,
        /** A write with a read-only token: 403. */
        INSUFFICIENT_SCOPE
    }

    /** What the mechanism hands to the container when the token is good: its owner and the owner's roles. */
    public record BearerCheck(Outcome outcome, long tokenId, String caller, Set<String> groups) {
        static BearerCheck refused(Outcome outcome) {
            return new BearerCheck(outcome, 0, "", Set.of());
        }
    }

    @Transactional
    public Issued create(String name, TokenScope scope, int days) {
        requireInteractiveOrganiser();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME)
            throw DomainException.invalid("tokens.error.name", MAX_NAME);
        if (scope == null) throw DomainException.invalid("tokens.error.scope");
        if (days < 1 || days > MAX_DAYS) throw DomainException.invalid("tokens.error.days", MAX_DAYS);
        Account owner = accounts.getByEmail(access.callerEmail().orElseThrow(DomainException::forbidden));
        TokenSecret secret = TokenSecret.generate();
        Instant now = clock.instant();
        ApiToken token = new ApiToken(trimmed, secret, owner, scope, now, now.plus(days, ChronoUnit.DAYS));
        em.persist(token);
        em.flush();
        audit.record("token.create", OBJECT_TYPE, token.getId(), null, describe(token));
        return new Issued(token, secret.value());
    }

    /** Every token, newest first, with its owner: organisers see and may revoke them all. */
    public List<ApiToken> all() {
        requireInteractiveOrganiser();
        return em.createQuery("select t from ApiToken t order by t.createdAt desc, t.id desc", ApiToken.class)
                .getResultList();
    }

    /** Stops a token at once. */
    @Transactional
    public ApiToken revoke(long id) {
        requireInteractiveOrganiser();
        ApiToken token =
                Optional.ofNullable(em.find(ApiToken.class, id)).orElseThrow(() -> DomainException.notFound("token"));
        if (token.isRevoked()) return token;
        String before = describe(token);
        token.revoke(access.callerEmail().orElse("system"), clock);
        audit.record("token.revoke", OBJECT_TYPE, token.getId(), before, describe(token));
        return token;
    }

    /**
     * Checks the credentials of an {@code Authorization: Bearer} header for a call, and records the use: every call
     * that may change something gets its own audit event (which token wrote what, from where); reads update the
     * last-use columns and leave a {@code token.use} event at most once a minute per token and address, so the log
     * says a token was used without growing by a row per poll.
     */
    @Transactional
    public BearerCheck check(String credentials, String method, String path, String address) {
        Optional<TokenSecret> secret = TokenSecret.parse(credentials);
        if (secret.isEmpty()) return BearerCheck.refused(Outcome.INVALID);
        Optional<ApiToken> found = em.createQuery("select t from ApiToken t where t.secretHash = :h", ApiToken.class)
                .setParameter("h", secret.get().hash())
                .getResultStream()
                .findFirst();
        if (found.isEmpty()) return BearerCheck.refused(Outcome.INVALID);
        ApiToken token = found.get();
        Account owner = token.getOwner();
        if (!token.isActive(clock) || !owner.isEnabled() || !owner.has(Role.ORGANISER)) {
            return BearerCheck.refused(Outcome.INVALID);
        }
        String where = clip(address, 45);
        if (!token.getScope().allows(method)) {
            record(token, "token.refused", method + " " + path + " ← " + where);
            return BearerCheck.refused(Outcome.INSUFFICIENT_SCOPE);
        }
        boolean touched = touch(token, where);
        if (TokenScope.isWrite(method)) {
            record(token, "token.write", method + " " + path + " ← " + where);
        } else if (touched) {
            record(token, "token.use", method + " " + path + " ← " + where);
        }
        return new BearerCheck(
                Outcome.VALID,
                token.getId(),
                owner.getEmail(),
                owner.getRoles().stream().map(Role::name).collect(Collectors.toSet()));
    }

    /** Whether the current call came with a token rather than a login. */
    public boolean isBearerCall() {
        try {
            return request.getAttribute(BEARER_ATTRIBUTE) != null;
        } catch (RuntimeException noRequest) {
            // Work outside an HTTP request (start-up, scheduled jobs) carries no token.
            return false;
        }
    }

    /**
     * Sets the last use in one conditional update, so parallel calls (or nodes) write it once a minute at most and
     * never fail on each other; answers whether this call was the one that wrote it.
     */
    private boolean touch(ApiToken token, String address) {
        Instant now = clock.instant();
        return em.createQuery("update ApiToken t set t.lastUsedAt = :now, t.lastUsedFrom = :from where t.id = :id "
                                + "and (t.lastUsedAt is null or t.lastUsedAt < :cutoff or t.lastUsedFrom is null "
                                + "or t.lastUsedFrom <> :from)")
                        .setParameter("now", now)
                        .setParameter("from", address)
                        .setParameter("id", token.getId())
                        .setParameter("cutoff", now.minus(TOUCH_INTERVAL))
                        .executeUpdate()
                > 0;
    }

    /** The caller is not logged in yet while the mechanism checks the token: the event names the owner itself. */
    private void record(ApiToken token, String action, String what) {
        em.persist(new AuditEvent(
                clock.instant(),
                token.getOwner().getEmail(),
                action,
                OBJECT_TYPE,
                String.valueOf(token.getId()),
                null,
                clip(token.getLabel() + " " + what, 1000)));
    }

    private void requireInteractiveOrganiser() {
        access.require(Role.ORGANISER);
        // A leaked token must not be able to mint itself successors or hide its tracks.
        if (isBearerCall()) throw new DomainException(403, "tokens.error.bearer");
    }

    private static String describe(ApiToken t) {
        return "name=" + t.getName() + ", label=" + t.getLabel() + ", owner="
                + t.getOwner().getEmail() + ", scope=" + t.getScope() + ", expires=" + t.getExpiresAt()
                + (t.isRevoked() ? ", revoked=" + t.getRevokedAt() : "");
    }

    private static String clip(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, max);
    }
}
