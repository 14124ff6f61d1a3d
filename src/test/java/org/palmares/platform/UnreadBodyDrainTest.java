package org.palmares.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class UnreadBodyDrainTest {
    /** A request body of {@code size} bytes that counts what was read of it and whether it was closed. */
    private static class Body extends ServletInputStream {
        final int size;
        int read;
        boolean closed;

        Body(int size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (closed) throw new IllegalStateException("closed");
            return read < size ? (read++ & 0x7f) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) throw new IllegalStateException("closed");
            if (read >= size) return -1;
            int n = Math.min(len, size - read);
            read += n;
            return n;
        }

        @Override
        public boolean isFinished() {
            return read >= size;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {}

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A request whose only behaviour is its body (or the failure of getting it) and whether it went asynchronous. */
    private static HttpServletRequest request(Object body, boolean async) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                UnreadBodyDrainTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "getInputStream":
                            if (body instanceof RuntimeException e) throw e;
                            return body;
                        case "isAsyncStarted":
                            return async;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    private static final HttpServletResponse RESPONSE = answered(400);

    /** A response already answered with that status: the filter asks its status and flushes it, nothing more. */
    private static HttpServletResponse answered(int status) {
        return (HttpServletResponse) Proxy.newProxyInstance(
                UnreadBodyDrainTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "getStatus":
                            return status;
                        case "flushBuffer":
                            return null;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    /** What Jersey does with a body its reader refuses after a few bytes: reads them, then closes the stream. */
    private static FilterChain readsThenCloses(int bytes) {
        return (ServletRequest request, jakarta.servlet.ServletResponse response) -> {
            ServletInputStream in = request.getInputStream();
            in.readNBytes(bytes);
            in.close();
        };
    }

    @Test
    void what_the_application_refused_part_way_and_closed_is_read_to_its_end_after_the_answer() throws Exception {
        Body body = new Body(120_001); // {"a": 20,000 times: refused at the 65th level
        new UnreadBodyDrain().doFilter(request(body, false), RESPONSE, readsThenCloses(330));
        assertEquals(120_001, body.read, "read to the end");
        assertFalse(body.closed, "left for the container to close");
    }

    @Test
    void a_body_never_read_is_read_too_but_no_more_than_the_bound() throws Exception {
        Body never = new Body(50_000);
        new UnreadBodyDrain().doFilter(request(never, false), RESPONSE, (q, r) -> {});
        assertEquals(50_000, never.read);
        Body huge = new Body(50 * 1024 * 1024);
        new UnreadBodyDrain().doFilter(request(huge, false), RESPONSE, readsThenCloses(1000));
        assertEquals(1000 + UnreadBodyDrain.MAX_BYTES, huge.read, "the bound, past what the application read");
    }

    @Test
    void a_body_refused_for_arriving_too_slowly_is_not_read_since_its_sender_would_hold_the_thread() throws Exception {
        Body trickle = new Body(100_000);
        new UnreadBodyDrain().doFilter(request(trickle, false), answered(408), (q, r) -> {});
        assertEquals(0, trickle.read);
    }

    @Test
    void an_asynchronous_request_is_not_read_behind_its_back() throws Exception {
        Body body = new Body(10_000);
        new UnreadBodyDrain().doFilter(request(body, true), RESPONSE, (q, r) -> {});
        assertEquals(0, body.read);
    }

    @Test
    void a_body_taken_as_characters_or_gone_with_its_client_is_left_alone_without_an_error() {
        assertDoesNotThrow(
                () -> UnreadBodyDrain.drain(request(new IllegalStateException("getReader() called"), false)));
        Body reset = new Body(10) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("connection reset by peer");
            }
        };
        assertDoesNotThrow(() -> UnreadBodyDrain.drain(request(reset, false)));
    }
}
