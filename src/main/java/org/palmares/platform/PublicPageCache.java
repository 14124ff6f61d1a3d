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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the public palmarès page to anonymous visitors from memory: on the evening of a ceremony a shared link can
 * bring a thousand visitors a second, and the page is the same for all of them (per edition and language). A page
 * is rendered once, kept {@code palmares.public-cache.seconds} (default 30), and dropped at once when a category is
 * published or unpublished on this instance ({@link #clear()}); other instances follow within that time. Only
 * complete 200 answers to GET requests without a session cookie are kept; a logged-in visitor always gets a fresh
 * page. One request at a time renders a given page, so an expiry under load does not make every request in flight
 * render it at once.
 */
@WebFilter(urlPatterns = "/palmares.xhtml")
public class PublicPageCache extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ENTRIES = 500;
    private static final Map<String, Page> PAGES = new ConcurrentHashMap<>();
    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final AtomicLong GENERATION = new AtomicLong();

    @Inject
    @ConfigProperty(name = "palmares.public-cache.seconds", defaultValue = "30")
    int seconds;

    @Inject
    Clock clock;

    record Page(byte[] body, String contentType, String cacheControl, String language, Instant until) {}

    /** Drops every kept page: call it when what the public may see changes. */
    public static void clear() {
        GENERATION.incrementAndGet();
        PAGES.clear();
        ANSWERS.clear();
    }

    record Answer(Object value, long generation, Instant until) {}

    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();

    /**
     * A value computed for the public outside a page (the REST palmarès): kept {@code seconds} like the pages and
     * dropped with them on every publication change; computed again when missing, expired or older than the last
     * change.
     */
    @SuppressWarnings("unchecked")
    public static <T> T remember(String key, int seconds, Clock clock, Supplier<T> compute) {
        Answer kept = ANSWERS.get(key);
        Instant now = clock.instant();
        long generation = GENERATION.get();
        if (kept != null && kept.generation() == generation && now.isBefore(kept.until())) return (T) kept.value();
        T value = compute.get();
        if (seconds > 0 && GENERATION.get() == generation) {
            if (ANSWERS.size() >= MAX_ENTRIES) ANSWERS.clear();
            ANSWERS.put(key, new Answer(value, generation, now.plusSeconds(seconds)));
        }
        return value;
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
        Page page = PAGES.get(key);
        if (page != null && clock.instant().isBefore(page.until())) {
            send(response, page);
            return;
        }
        // One request renders a page at a time: when the kept page has just expired, the others are served it
        // meanwhile (it is still what was published: a publication change drops it); when there is none, they wait
        // for the one rendering it instead of all rendering at once.
        if (LOCKS.size() >= MAX_ENTRIES) LOCKS.clear();
        ReentrantLock lock = LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        if (page != null && !lock.tryLock()) {
            send(response, page);
            return;
        }
        if (page == null) lock.lock();
        try {
            Page kept = PAGES.get(key);
            if (kept != null && clock.instant().isBefore(kept.until())) {
                send(response, kept);
                return;
            }
            render(key, request, response, chain);
        } finally {
            lock.unlock();
        }
    }

    private void render(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long generation = GENERATION.get();
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        capture.flushBuffer();
        byte[] body = capture.bytes();
        if (capture.getStatus() == 200 && !request.isRequestedSessionIdValid() && request.getSession(false) == null) {
            if (PAGES.size() >= MAX_ENTRIES) PAGES.clear(); // odd query strings must not fill the memory
            Page page = new Page(
                    body,
                    capture.getContentType(),
                    capture.getHeader("Cache-Control"),
                    capture.getHeader("Content-Language"),
                    clock.instant().plus(Duration.ofSeconds(seconds)));
            // A publication change during the rendering: the page may show what is no longer public; don't keep it.
            if (GENERATION.get() == generation) PAGES.put(key, page);
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
