package org.palmares.platform;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A servlet that sends a file: a refusal becomes the error page of its status, never a stack trace. */
public abstract class DownloadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            send(request, response);
        } catch (DomainException refused) {
            if (!response.isCommitted()) response.sendError(refused.status());
        }
    }

    /** Checks access (throwing {@link DomainException}) and writes the file. */
    protected abstract void send(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
