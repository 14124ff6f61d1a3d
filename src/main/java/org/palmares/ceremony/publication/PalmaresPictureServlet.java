package org.palmares.ceremony.publication;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.palmares.nomination.AttachmentService;
import org.palmares.platform.DomainException;

/**
 * The picture of a published winner or mention on the palmarès ({@code /palmares/picture?nomination=12&attachment=34}):
 * only the first image of a laureate of a published category; anything else is "not found", so nothing leaks early.
 */
@WebServlet("/palmares/picture")
public class PalmaresPictureServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PublicationService publication;

    @Inject
    transient AttachmentService attachments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String n = request.getParameter("nomination");
        String a = request.getParameter("attachment");
        if (n == null || a == null || !n.matches("\\d{1,18}") || !a.matches("\\d{1,18}")) {
            response.sendError(404);
            return;
        }
        try {
            var attachment = publication.publicPicture(Long.parseLong(n), Long.parseLong(a));
            var file = attachments.file(attachment);
            response.setContentType(attachment.getContentType());
            // Short: unpublishing must take the picture down again soon.
            response.setHeader("Cache-Control", "public, max-age=60");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentLengthLong(Files.size(file));
            Files.copy(file, response.getOutputStream());
        } catch (DomainException notShown) {
            response.sendError(404);
        }
    }
}
