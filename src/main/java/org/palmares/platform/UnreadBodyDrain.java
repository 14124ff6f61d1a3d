package org.palmares.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what a REST call left of its request body, at most {@value #MAX_BYTES} bytes, once it has been answered, so
 * that the caller gets the answer. Needed because Payara Micro's listener speaks HTTP/2 without TLS (h2c, which the
 * JDK's HttpClient asks for by default) and then neither reads nor resets a request's stream that the application
 * stopped reading: the client, still sending, waits on the flow-control window until the connection's idle timeout
 * (30 s) and gets "EOF" instead of the 4xx, a request refused before its end (JSON nested past the limit at its start,
 * 100 kB past the 1 MiB limit) or never read (415, 401, 403, 404) alike. The SecurityIT fuzzer found it; over HTTP/1.1
 * the container closes the connection after the answer instead, which clients survive.
 *
 * <p>Jersey closes the entity stream once its reader is done, even when the reader refused the body, so the
 * application is given a stream whose {@code close()} does nothing, and the filter reads the rest after the chain.
 * Refusals that may be made before this filter is reached (the authentication mechanism, the cross-site rule
 * whatever the filters' order, the container's role check through {@link ErrorDispatchServlet}) call {@link
 * #drain(HttpServletRequest)} themselves. Beyond the
 * bound the rest stays unread: a client sending far more than any limit may still lose the answer, but no caller
 * makes the server read more than that.
 *
 * <p>Declared in web.xml for {@code /api/*}.
 */
public class UnreadBodyDrain extends HttpFilter {
    /** Twice the JSON limit ({@link JsonBodies#MAX_BYTES}): what a body refused for its size may still carry. */
    public static final long MAX_BYTES = 2 * JsonBodies.MAX_BYTES;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(new KeptOpen(request), response);
        } finally {
            // An asynchronous request is still being read or answered on another thread: it is not ours to read. A
            // body refused for arriving too slowly (408) would hold the thread as long as its sender trickles: left.
            if (!request.isAsyncStarted() && response.getStatus() != HttpServletResponse.SC_REQUEST_TIMEOUT) {
                answerFirst(response);
                drain(request);
            }
        }
    }

    /** Sends the answer before the rest of the body is read, so that the caller never waits on the drain. */
    private static void answerFirst(HttpServletResponse response) {
        try {
            response.flushBuffer();
        } catch (IOException gone) {
            // The caller left; the drain below finds the stream closed too.
        }
    }

    /** Reads and drops what is left of the request's body, up to {@link #MAX_BYTES}; never throws. */
    public static void drain(HttpServletRequest request) {
        try {
            drain(request.getInputStream(), MAX_BYTES);
        } catch (IOException | IllegalStateException | UnsupportedOperationException goneOrTakenAsReader) {
            // The client stopped sending, or the body was read as characters (getReader) or asynchronously: either
            // it was read already, or there is nothing a blocking read could do.
        }
    }

    /** Reads and drops at most {@code max} bytes of the stream; the number of bytes read. */
    static long drain(InputStream in, long max) throws IOException {
        byte[] buffer = new byte[8192];
        long read = 0;
        for (int n; read < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - read))) > 0; ) {
            read += n;
        }
        return read;
    }

    /** The request as the application sees it: the same body, but closing it leaves the rest for the filter. */
    static final class KeptOpen extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        KeptOpen(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new Unclosable(super.getInputStream());
            return stream;
        }
    }

    /** A servlet input stream whose {@code close()} does nothing. */
    static final class Unclosable extends ServletInputStream {
        private final ServletInputStream in;

        Unclosable(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() {
            // Left open on purpose: UnreadBodyDrain reads the rest after the answer, then the container closes it.
        }
    }
}
