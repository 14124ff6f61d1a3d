package org.palmares.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.palmares.platform.DiskSpace;

/**
 * Tests only (added to a test deployment, never in the WAR): a full disk at will, where CI cannot mount a small file
 * system. While {@link #full} it says no byte is free and every probe write fails with ENOSPC's text, as a full file
 * system does; otherwise it is the real {@link DiskSpace}. {@code POST /it/disk?full=true|false} switches it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 10)
@ApplicationScoped
public class SimulatedDisk extends DiskSpace {
    static volatile boolean full;

    @Override
    public long usableBytes(Path directory) throws IOException {
        return full ? 0 : super.usableBytes(directory);
    }

    @Override
    public void probe(Path directory) throws IOException {
        if (full) throw new FileSystemException(directory.toString(), null, "No space left on device");
        super.probe(directory);
    }

    /** The switch. */
    @WebServlet("/it/disk")
    public static class Switch extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            full = Boolean.parseBoolean(request.getParameter("full"));
            response.setStatus(204);
        }
    }

    /** From a test that runs as a client. */
    public static void set(URL deployment, boolean full) {
        HttpResponse<String> r = new Http(deployment).request("POST", "/it/disk?full=" + full, null);
        if (r.statusCode() != 204) throw new IllegalStateException("disk switch: " + r.statusCode() + " " + r.body());
    }
}
