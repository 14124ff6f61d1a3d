package org.palmares.nomination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeMarkdownTest {
    private static final Pattern TARGET = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    /** The href and src values of the HTML, as a browser would read them (entities of the renderer decoded). */
    private static List<String> targets(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = TARGET.matcher(html);
        while (m.find()) found.add(m.group(1).replace("&amp;", "&").replace("&quot;", "\""));
        return found;
    }

    @ParameterizedTest(name = "refused: {0}")
    @ValueSource(
            strings = {
                "[x](javascript:alert(1))",
                "[x](JaVaScRiPt:alert(1))",
                "[x](java&#x09;script:alert(1))",
                "[x](java&#9;script:alert(1))",
                "[x](&#x6A;avascript:alert(1))",
                "[x](&#106;&#97;&#118;&#97;script:alert(1))",
                "[x](javascript&colon;alert(1))",
                "[x](<javascript:alert(1)>)",
                "[x](<\u0001javascript:alert(1)>)",
                "[x](<\u0000javascript:alert(1)>)",
                "[x](<java\nscript:alert(1)>)",
                "[x](<\tjavascript:alert(1)>)",
                "[x](<%20javascript:alert(1)>)",
                "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[x](DATA:text/html,<script>alert(1)</script>)",
                "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
                "![x](javascript:alert(1))",
                "[x](vbscript:msgbox(1))",
                "[x](file:///etc/passwd)",
                "[x](ftp://example.org/)",
                "[x](jar:file:/x!/)",
                "<javascript:alert(1)>",
                "<data:text/html,x>",
                "[x][ref]\n\n[ref]: javascript:alert(1)",
                "![x][img]\n\n[img]: data:image/png;base64,AAAA",
                "[x](\\javascript:alert(1))"
            })
    void a_link_or_image_to_another_scheme_loses_its_target(String markdown) {
        String html = SafeMarkdown.html(markdown);
        // Either no link at all (not Markdown for one) or a link whose target is emptied.
        for (String target : targets(html)) assertEquals("", target, markdown + " gave " + html);
        assertFalse(html.toLowerCase(Locale.ROOT).matches("(?s).*(href|src)=\"\\s*(javascript|data|vbscript|file):.*"));
    }

    static Stream<Arguments> kept() {
        return Stream.of(
                Arguments.of("[x](http://example.org/a?b=1)", "http://example.org/a?b=1"),
                Arguments.of("[x](https://example.org/)", "https://example.org/"),
                Arguments.of("[x](HTTPS://example.org/)", "HTTPS://example.org/"),
                Arguments.of("[x](mailto:jury@example.org)", "mailto:jury@example.org"),
                Arguments.of("<https://example.org/>", "https://example.org/"),
                Arguments.of("![logo](https://example.org/logo.png)", "https://example.org/logo.png"),
                Arguments.of("[x](guide.html)", "guide.html"),
                Arguments.of("[x](/jury/index.xhtml)", "/jury/index.xhtml"),
                Arguments.of("[x](#criteres)", "#criteres"),
                Arguments.of("[x](?lang=en)", "?lang=en"),
                Arguments.of("[x](a/b:c)", "a/b:c"));
    }

    @ParameterizedTest(name = "kept: {0}")
    @MethodSource("kept")
    void http_https_mailto_and_relative_targets_are_kept(String markdown, String target) {
        assertEquals(List.of(target), targets(SafeMarkdown.html(markdown)));
    }

    @Test
    void raw_html_is_escaped_not_rendered() {
        String html = SafeMarkdown.html("<a href=\"javascript:alert(1)\">x</a> <img src=x onerror=alert(1)>");
        assertFalse(html.contains("<a "), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;a href="), html);
    }
}
