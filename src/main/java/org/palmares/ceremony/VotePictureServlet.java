package org.palmares.ceremony;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.palmares.nomination.Attachment;
import org.palmares.nomination.AttachmentService;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.NominationStatus;
import org.palmares.platform.DomainException;

/**
 * The one picture the public vote page shows per nomination ({@code /vote/picture?nomination=12&attachment=34}):
 * only an image its territory consented to show, attached to an eligible nomination of a public-vote category;
 * anything else is "not found".
 */
@WebServlet("/vote/picture")
public class VotePictureServlet extends HttpServlet {
    @Inject
    transient VoteService votes;

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
            Nomination nomination = votes.publicNomination(Long.parseLong(n));
            var attachment = nomination.getAttachments().stream()
                    .filter(x -> x.getId() == Long.parseLong(a))
                    // Only an image its territory consented to show publicly (changeset 021).
                    .filter(Attachment::isShownPublicly)
                    .findFirst()
                    .orElseThrow(() -> DomainException.notFound("attachment"));
            if (nomination.getStatus() != NominationStatus.ELIGIBLE) throw DomainException.notFound("attachment");
            var file = attachments.file(attachment);
            response.setContentType(attachment.getContentType());
            response.setHeader("Cache-Control", "public, max-age=3600");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentLengthLong(Files.size(file));
            Files.copy(file, response.getOutputStream());
        } catch (DomainException notShown) {
            response.sendError(404);
        }
    }
}
