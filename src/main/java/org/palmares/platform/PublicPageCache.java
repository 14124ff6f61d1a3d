package org.palmares.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the public palmarès page to anonymous visitors from memory: on the evening of a ceremony a shared link can
 * bring a thousand visitors a second, and the page is the same for all of them (per edition and language). A page
 * is rendered once, kept {@code palmares.public-cache.seconds} (default 30), and dropped at once when a category is
 * published or unpublished on this instance ({@link #clear()}); other instances follow within that time. Only
 * complete 200 answers to GET requests without a session cookie are kept; a logged-in visitor always gets a fresh
 * page.
 */
@WebFilter(urlPatterns = "/palmares.xhtml")
public class PublicPageCache extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ENTRIES = 500;
    private static final Map<String, Page> PAGES = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "palmares.public-cache.seconds", defaultValue = "30")
    int seconds;

    @Inject
    Clock clock;

    record Page(byte[] body, String contentType, String cacheControl, String language, Instant until) {}

    /** Drops every kept page: call it when what the public may see changes. */
    public static void clear() {
        PAGES.clear();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod()) || hasSession(request) || seconds <= 0) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getRequestURI() + "?" + request.getQueryString() + "#"
                + Language.of(request).getLanguage();
        Instant now = clock.instant();
        Page page = PAGES.get(key);
        if (page != null && now.isBefore(page.until())) {
            send(response, page);
            return;
        }
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        capture.flushBuffer();
        byte[] body = capture.bytes();
        if (capture.getStatus() == 200 && !request.isRequestedSessionIdValid() && request.getSession(false) == null) {
            if (PAGES.size() >= MAX_ENTRIES) PAGES.clear(); // odd query strings must not fill the memory
            page = new Page(
                    body,
                    capture.getContentType(),
                    capture.getHeader("Cache-Control"),
                    capture.getHeader("Content-Language"),
                    now.plus(Duration.ofSeconds(seconds)));
            PAGES.put(key, page);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean hasSession(HttpServletRequest request) {
        if (request.getCookies() == null) return false;
        for (Cookie c : request.getCookies()) if ("JSESSIONID".equals(c.getName())) return true;
        return false;
    }

    /** The kept page with the headers the page itself set (what browsers and proxies may cache, and the language). */
    private static void send(HttpServletResponse response, Page page) throws IOException {
        response.setContentType(page.contentType());
        if (page.cacheControl() != null) response.setHeader("Cache-Control", page.cacheControl());
        if (page.language() != null) response.setHeader("Content-Language", page.language());
        response.setHeader("Vary", "Cookie, Accept-Language");
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    /** Keeps a copy of what the page writes. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(16_384);
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        buffer.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("blocking only");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                java.nio.charset.Charset charset = StandardCharsets.UTF_8;
                try {
                    if (getCharacterEncoding() != null)
                        charset = java.nio.charset.Charset.forName(getCharacterEncoding());
                } catch (IllegalArgumentException unknown) {
                    // keep UTF-8, the page's encoding
                }
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) writer.flush();
        }

        @Override
        public void setContentLength(int len) {
            // the filter sets it once the page is complete
        }

        @Override
        public void setContentLengthLong(long len) {
            // the filter sets it once the page is complete
        }

        byte[] bytes() {
            return buffer.toByteArray();
        }
    }
}
