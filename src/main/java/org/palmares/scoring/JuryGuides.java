package org.palmares.scoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.palmares.nomination.SafeMarkdown;
import org.palmares.platform.Messages;

/**
 * The jury guides: the Markdown files of {@code jury-guides/} (shipped in the WAR), or an organiser's edited copy
 * when there is one, in the reader's language with French as the fallback, rendered to safe HTML: raw HTML in the
 * Markdown is escaped and unsafe link targets are removed.
 */
@ApplicationScoped
public class JuryGuides {
    public static final String GENERAL = "general";

    @PersistenceContext
    EntityManager em;

    /** The Markdown text of a guide ("general" or a category code) in the language, falling back to French. */
    public Optional<String> markdown(String guide, Locale locale) {
        String lang = Messages.supported(locale).getLanguage();
        return edited(guide, lang)
                .or(() -> file(guide, lang))
                .or(() -> edited(guide, "fr"))
                .or(() -> file(guide, "fr"));
    }

    public String html(String guide, Locale locale) {
        return markdown(guide, locale).map(JuryGuides::render).orElse("");
    }

    /** The confidentiality charter: the section of the general guide that jurors accept on first login. */
    public String charterHtml(Locale locale) {
        return markdown(GENERAL, locale)
                .map(JuryGuides::charterSection)
                .map(JuryGuides::render)
                .orElse("");
    }

    /** Rendered as every text users write is: {@link SafeMarkdown}, one set of rules for links and HTML. */
    static String render(String markdown) {
        return SafeMarkdown.html(markdown);
    }

    /** The second-level section whose title names the charter, up to the next second-level title. */
    static String charterSection(String markdown) {
        String[] lines = markdown.split("\\R", -1);
        StringBuilder section = new StringBuilder();
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                String title = line.toLowerCase(Locale.ROOT);
                if (inside) break;
                inside = title.contains("charte") || title.contains("charter");
            }
            if (inside) section.append(line).append('\n');
        }
        return section.toString();
    }

    /** The Markdown text of the guide's file in exactly this language, if the WAR ships one. */
    public Optional<String> fileText(String guide, String lang) {
        return file(guide, lang);
    }

    private Optional<String> edited(String guide, String lang) {
        return em.createQuery(
                        "select g.body from JuryGuideVersion g where g.guide = :g and g.lang = :l and g.active = true "
                                + "order by g.createdAt desc",
                        String.class)
                .setParameter("g", guide)
                .setParameter("l", lang)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private static Optional<String> file(String guide, String lang) {
        if (!guide.matches("[A-Za-z]{2,20}")) return Optional.empty();
        try (InputStream in =
                JuryGuides.class.getClassLoader().getResourceAsStream("jury-guides/" + guide + "." + lang + ".md")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
