package org.palmares.ceremony;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public vote's configuration: the voter-hash secret, the rate limits, the client-address header to trust
 * behind a proxy, and extra disposable domains. See docs/configuration.md.
 */
@ApplicationScoped
public class VoteSettings {
    private static final Logger LOG = Logger.getLogger(VoteSettings.class.getName());

    @Inject
    @ConfigProperty(name = "palmares.vote.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "palmares.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "palmares.vote.limit.per-ip", defaultValue = "20")
    int perIpPerMinute;

    @Inject
    @ConfigProperty(name = "palmares.vote.limit.verify-per-ip", defaultValue = "30")
    int verifyPerIpPerMinute;

    @Inject
    @ConfigProperty(name = "palmares.vote.limit.per-address", defaultValue = "5")
    int perAddressPerHour;

    @Inject
    @ConfigProperty(name = "palmares.vote.client-ip-header")
    Optional<String> clientIpHeader;

    @Inject
    @ConfigProperty(name = "palmares.vote.disposable-domains")
    Optional<String> extraDisposable;

    private VoterHash voterHash;
    private DisposableDomains disposable;

    @PostConstruct
    void init() {
        voterHash = new VoterHash(secretBytes());
        List<String> extra = extraDisposable
                .map(s -> Arrays.stream(s.split(",")).map(String::strip).toList())
                .orElse(List.of());
        disposable = DisposableDomains.shipped(extra);
    }

    /** The configured secret, else the one generated once in the data directory (each node of a cluster needs the
     * same: set {@code palmares.vote.secret} there). */
    private byte[] secretBytes() {
        if (secret.filter(s -> !s.isBlank()).isPresent()) {
            return secret.get().getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(dataDir).resolve("vote-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    LOG.fine("File permissions of the vote secret left to the system");
                }
                LOG.info(() -> "Generated the public vote's secret in " + file.toAbsolutePath());
            }
            return Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the vote secret " + file, e);
        }
    }

    public VoterHash voterHash() {
        return voterHash;
    }

    public DisposableDomains disposable() {
        return disposable;
    }

    public RateLimiter.Limit castsPerIp() {
        return new RateLimiter.Limit(Math.max(1, perIpPerMinute), Duration.ofMinutes(1));
    }

    public RateLimiter.Limit verificationsPerIp() {
        return new RateLimiter.Limit(Math.max(1, verifyPerIpPerMinute), Duration.ofMinutes(1));
    }

    public RateLimiter.Limit castsPerAddress() {
        return new RateLimiter.Limit(Math.max(1, perAddressPerHour), Duration.ofHours(1));
    }

    public Optional<String> clientIpHeader() {
        return clientIpHeader.filter(h -> !h.isBlank());
    }
}
