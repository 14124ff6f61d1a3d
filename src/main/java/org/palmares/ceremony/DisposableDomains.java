package org.palmares.ceremony;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Domains of throw-away mailboxes refused for the public vote: the list shipped in {@code vote/disposable-domains.txt}
 * (one domain a line, {@code #} comments) plus any the organisers add in configuration. A sub-domain of a listed
 * domain is refused too.
 */
public final class DisposableDomains {
    private final Set<String> domains;

    public DisposableDomains(Collection<String> domains) {
        Set<String> set = new HashSet<>();
        for (String d : domains) {
            String clean = d == null ? "" : d.strip().toLowerCase(Locale.ROOT);
            if (!clean.isEmpty() && !clean.startsWith("#")) set.add(clean);
        }
        this.domains = Set.copyOf(set);
    }

    /** The shipped list read from the class path, plus the extra domains. */
    public static DisposableDomains shipped(Collection<String> extra) {
        Set<String> all = new HashSet<>(extra);
        try (InputStream in = DisposableDomains.class.getResourceAsStream("/vote/disposable-domains.txt")) {
            if (in != null) {
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                        .lines()
                        .forEach(all::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DisposableDomains(all);
    }

    public boolean contains(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        while (true) {
            if (domains.contains(d)) return true;
            int dot = d.indexOf('.');
            if (dot < 0) return false;
            d = d.substring(dot + 1);
        }
    }

    public int size() {
        return domains.size();
    }
}
