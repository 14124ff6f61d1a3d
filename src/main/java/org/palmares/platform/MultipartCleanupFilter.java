package org.palmares.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes the temporary files of a page's multipart request (an attachment sent through the nomination form) once
 * the page has answered. Payara writes every part above the multipart threshold to the application's temporary
 * folder and leaves it there after the request: an upload that was refused, or one already copied into the
 * attachments folder, must leave nothing behind (NominationIT checks the folder).
 */
@WebFilter(urlPatterns = "*.xhtml")
public class MultipartCleanupFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MultipartCleanupFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            String type = request.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) deleteParts(request);
        }
    }

    private static void deleteParts(HttpServletRequest request) {
        try {
            for (Part part : request.getParts()) part.delete();
        } catch (IOException | ServletException | IllegalStateException e) {
            // A body the container refused to parse (too large, malformed) has no part to delete.
            LOG.log(Level.FINE, "No multipart parts to delete", e);
        }
    }
}
