package org.palmares.nomination;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * Markdown typed by users (nomination summaries, the jury guides organisers edit), rendered to HTML the one way: any
 * raw HTML escaped, and the targets of links and images limited to http, https and mailto, or a relative link
 * ({@code page.html}, {@code /path}, {@code #fragment}).
 */
public final class SafeMarkdown {
    /**
     * commonmark's own sanitizer with our schemes: it trims HTML spaces, reads the scheme up to the first {@code :}
     * unless a {@code /}, {@code ?} or {@code #} comes first (a relative link), compares it without case and replaces
     * any other target by an empty one. Its default list lets {@code data:} through (an HTML page or an SVG with
     * script in a link). A scheme with a tab, a control character or an entity in it ({@code java&#x09;script:}, once
     * decoded) is no scheme of the list, so it is refused too.
     */
    static final UrlSanitizer LINKS = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(LINKS)
            .build();

    private SafeMarkdown() {}

    public static String html(String markdown) {
        return markdown == null || markdown.isBlank() ? "" : RENDERER.render(PARSER.parse(markdown));
    }
}
