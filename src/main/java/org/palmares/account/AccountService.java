package org.palmares.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.platform.Access;
import org.palmares.platform.AuditLog;
import org.palmares.platform.DomainException;
import org.palmares.platform.Mailer;
import org.palmares.platform.Messages;
import org.palmares.platform.PlainEmail;
import org.palmares.platform.StorageStatus;

/** Accounts: creation, invitations, passwords, and the check of a login. */
@ApplicationScoped
public class AccountService {
    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    LoginOutcomes outcomes;

    @Inject
    Mailer mailer;

    @Inject
    AuditLog audit;

    @Inject
    Access access;

    @Inject
    @ConfigProperty(name = "palmares.base.url", defaultValue = "http://localhost:8080")
    String baseUrl;

    /**
     * PBKDF2 iterations for new password hashes (a stored hash keeps its own count). Lower than the default only in the
     * integration tests, which hash thousands of times on two processors; never below {@link #MIN_ITERATIONS}.
     */
    @Inject
    @ConfigProperty(name = "palmares.password.iterations", defaultValue = "" + DEFAULT_ITERATIONS)
    int iterations;

    /** OWASP's figure for PBKDF2-HMAC-SHA512 (2023). */
    static final int DEFAULT_ITERATIONS = 210_000;

    /** Soteria's own floor for PBKDF2. */
    static final int MIN_ITERATIONS = 1_024;

    /**
     * Password hashes computed at once: half the processors (at least one). A burst of logins queues here, fairly,
     * instead of every login thread sharing the processors with the requests of people already in (jurors saving
     * scores while territories rush to log in before the deadline).
     */
    private final Semaphore hashing =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);

    private <T> T hashing(Supplier<T> work) {
        hashing.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            hashing.release();
        }
    }

    private LoginThrottle throttle;
    private LoginThrottle clientThrottle;

    /** PBKDF2-HMAC-SHA512, by default with 210,000 iterations. */
    @jakarta.annotation.PostConstruct
    void init() {
        int count = Math.max(MIN_ITERATIONS, iterations);
        if (count < DEFAULT_ITERATIONS) {
            Logger.getLogger(AccountService.class.getName())
                    .warning(() -> "New password hashes use " + count + " PBKDF2 iterations instead of "
                            + DEFAULT_ITERATIONS + " (palmares.password.iterations): for tests only");
        }
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(count),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        throttle = new LoginThrottle(clock);
        clientThrottle = new LoginThrottle(clock, LoginThrottle.MAX_FAILURES_PER_CLIENT);
    }

    public Optional<Account> findByEmail(String email) {
        return em.createQuery("select a from Account a where a.email = :e", Account.class)
                .setParameter("e", Account.normaliseEmail(email))
                .getResultStream()
                .findFirst();
    }

    public Account getByEmail(String email) {
        return findByEmail(email).orElseThrow(() -> DomainException.notFound("account"));
    }

    public List<Account> withRole(Role role) {
        return em.createQuery(
                        "select a from Account a join a.roles r where r = :r order by a.displayName", Account.class)
                .setParameter("r", role)
                .getResultList();
    }

    /** Every account, for organisers. */
    public List<Account> all() {
        access.require(Role.ORGANISER);
        return em.createQuery("select a from Account a order by a.displayName", Account.class)
                .getResultList();
    }

    public long count() {
        return em.createQuery("select count(a) from Account a", Long.class).getSingleResult();
    }

    /** Creates an account, or adds the roles to the existing account of that address. */
    @Transactional
    public Account createOrGrant(@NotBlank @PlainEmail String email, @NotBlank String displayName, Set<Role> roles) {
        Account account = findByEmail(email).orElseGet(() -> {
            var created = new Account(email, displayName, clock);
            em.persist(created);
            em.flush();
            return created;
        });
        roles.forEach(account::grant);
        audit.record("account.grant", "Account", account.getEmail(), null, roles.toString());
        return account;
    }

    /** Invites a person: creates (or completes) their account and e-mails a link to set their password. */
    @Transactional
    public Account invite(@NotBlank @PlainEmail String email, @NotBlank String displayName, Role role, Locale locale) {
        access.require(Role.ORGANISER);
        Account account = createOrGrant(email, displayName, EnumSet.of(role));
        sendLink(account, TokenPurpose.INVITATION, locale);
        audit.record("account.invite", "Account", account.getEmail(), null, role.name());
        return account;
    }

    /**
     * The account of an address, made (with no role) and sent a link to choose a password if it has none yet: what a
     * person invited by someone who is not an organiser gets. Roles come later, from what they accept.
     */
    @Transactional
    public Account ensureInvited(@NotBlank @PlainEmail String email, @NotBlank String displayName, Locale locale) {
        Account account = createOrGrant(email, displayName, EnumSet.noneOf(Role.class));
        if (!account.hasPassword()) sendLink(account, TokenPurpose.INVITATION, locale);
        return account;
    }

    /** Sets a password directly (first organiser, demo accounts); the policy applies as everywhere. */
    @Transactional
    public void setPassword(String email, String password) {
        Account account = getByEmail(email);
        List<String> broken = PasswordPolicy.check(password, account.getEmail());
        if (!broken.isEmpty()) throw DomainException.invalid(broken.get(0));
        account.changePasswordHash(hashing(() -> passwordHash.generate(password.toCharArray())));
    }

    /** A password hashed as {@link #setPassword} stores it (the demo's accounts share one: see DemoLoader). */
    public String hashPassword(String password) {
        return hashing(() -> passwordHash.generate(password.toCharArray()));
    }

    /** Stores a password already hashed by {@link #hashPassword} (demo data only). */
    @Transactional
    public void setPasswordHash(String email, String hash) {
        getByEmail(email).changePasswordHash(hash);
    }

    /** Starts a password reset. Says nothing about whether the address has an account. */
    @Transactional
    public void requestPasswordReset(String email, Locale locale) {
        findByEmail(email).filter(Account::isEnabled).ifPresent(account -> {
            sendLink(account, TokenPurpose.PASSWORD_RESET, locale);
            audit.record("account.resetRequested", "Account", account.getEmail());
        });
    }

    /** The account a still-usable link token belongs to. */
    public Optional<AccountToken> findUsableToken(String clearToken) {
        if (clearToken == null || clearToken.isBlank()) return Optional.empty();
        return em.createQuery("select t from AccountToken t where t.tokenHash = :h", AccountToken.class)
                .setParameter("h", AccountToken.hash(clearToken))
                .getResultStream()
                .filter(t -> t.isUsable(clock))
                .findFirst();
    }

    /** Sets the password through an invitation or reset link, which is then spent. */
    @Transactional
    public Account setPasswordWithToken(String clearToken, String password) {
        AccountToken token = findUsableToken(clearToken).orElseThrow(() -> DomainException.conflict("token.invalid"));
        Account account = token.getAccount();
        List<String> broken = PasswordPolicy.check(password, account.getEmail());
        if (!broken.isEmpty()) throw DomainException.invalid(broken.get(0));
        token.use(clock);
        account.changePasswordHash(hashing(() -> passwordHash.generate(password.toCharArray())));
        audit.record(
                "account.passwordSet",
                "Account",
                account.getEmail(),
                null,
                token.getPurpose().name());
        return account;
    }

    /** How long a login for this address from this client must still wait; zero when it may try. */
    public Duration loginWait(String email, String clientAddress) {
        // Accounts are throttled in the database, so every node of a cluster sees the same count;
        // client addresses (and unknown e-mails) in this node's memory.
        Duration byAccount = findByEmail(email)
                .filter(a -> a.isLocked(clock))
                .map(a -> Duration.between(clock.instant(), a.getLockedUntil()))
                .orElseGet(() -> throttle.waitFor("account:" + Account.normaliseEmail(email)));
        Duration byClient = clientThrottle.waitFor("ip:" + clientAddress);
        return byAccount.compareTo(byClient) >= 0 ? byAccount : byClient;
    }

    /**
     * Checks a login; throttled per account and per client address. Runs outside any transaction (the caller's is
     * suspended): the password hash takes a third of a second of a processor, and no database connection waits on it.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<Account> verify(String email, String password, String clientAddress) {
        if (email == null || password == null) return Optional.empty();
        String accountKey = "account:" + Account.normaliseEmail(email);
        String clientKey = "ip:" + clientAddress;
        if (!loginWait(email, clientAddress).isZero()) return Optional.empty();
        Optional<Account> account = findByEmail(email).filter(Account::isEnabled);
        boolean valid = account.filter(Account::hasPassword)
                .map(a -> hashing(() -> passwordHash.verify(password.toCharArray(), a.getPasswordHash())))
                .orElseGet(() -> {
                    // Same work as for a real account, so timing does not tell which addresses exist.
                    hashing(() -> passwordHash.generate(password.toCharArray()));
                    return false;
                });
        if (!valid) {
            clientThrottle.failed(clientKey);
            if (account.isPresent()) {
                Account a = account.get();
                try {
                    outcomes.failed(a.getId(), LoginThrottle.blockedUntil(a.getFailedLogins() + 1, clock.instant()));
                } catch (RuntimeException e) {
                    if (StorageStatus.failureIn(e).isEmpty()) throw e;
                    // The disk is full: the failure counts in this node's memory instead, so that a full disk opens
                    // no door to password guessing.
                    throttle.failed(accountKey);
                }
            } else {
                throttle.failed(accountKey);
            }
            return Optional.empty();
        }
        throttle.succeeded(accountKey);
        clientThrottle.succeeded(clientKey);
        Account a = account.get();
        // Scripts using Basic authentication log in on every request: write only what changed, at most once a
        // minute for the time of last login, and without the version check that would fail parallel requests.
        boolean stale = a.getLastLoginAt() == null
                || a.getLastLoginAt().isBefore(clock.instant().minusSeconds(60))
                || a.getFailedLogins() > 0
                || a.getLockedUntil() != null;
        if (stale) {
            try {
                outcomes.succeeded(a.getId(), clock.instant());
            } catch (RuntimeException e) {
                if (StorageStatus.failureIn(e).isEmpty()) throw e;
                // The disk is full: the time of last login waits for a later login. Logging in only reads, and
                // reading must go on while the disk is full.
                LOG.fine(() -> "Time of last login not stored (storage full): account " + a.getId());
            }
        }
        return account;
    }

    private void sendLink(Account account, TokenPurpose purpose, Locale locale) {
        var issued = AccountToken.issue(account, purpose, clock);
        em.persist(issued.token());
        String link = baseUrl + "/set-password.xhtml?token=" + issued.clearValue();
        String key = purpose == TokenPurpose.INVITATION ? "mail.invitation" : "mail.reset";
        Locale lang = Messages.supported(locale);
        mailer.send(
                account.getEmail(),
                Messages.get(lang, key + ".subject"),
                Messages.get(
                        lang,
                        key + ".body",
                        account.getDisplayName(),
                        link,
                        purpose.validity().toHours()));
    }
}
