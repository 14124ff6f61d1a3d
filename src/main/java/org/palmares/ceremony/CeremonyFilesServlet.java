package org.palmares.ceremony;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import org.palmares.edition.EditionService;
import org.palmares.nomination.AttachmentService;
import org.palmares.nomination.AttachmentType;
import org.palmares.nomination.Nomination;
import org.palmares.platform.DomainException;
import org.palmares.platform.Language;

/**
 * The ceremony's files, for organisers (web.xml guards both paths, the service checks again): the announcer script
 * {@code /organiser/ceremony/script.pdf?edition=TC2019} and a nominee's picture {@code /ceremony/picture?nomination=
 * 12&attachment=34} (an image attached to that nomination, nothing else).
 */
@WebServlet({"/organiser/ceremony/script.pdf", "/ceremony/picture"})
public class CeremonyFilesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient CeremonyService ceremonies;

    @Inject
    transient EditionService editions;

    @Inject
    transient AttachmentService attachments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (request.getServletPath().endsWith(".pdf")) script(request, response);
            else picture(request, response);
        } catch (DomainException e) {
            // Refused or unknown: the error page of that status, never a stack trace.
            if (!response.isCommitted()) response.sendError(e.status());
        }
    }

    private void script(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String edition = request.getParameter("edition");
        if (edition == null || edition.isBlank())
            edition = editions.getCurrent().getCode();
        byte[] pdf = ceremonies.scriptPdf(edition, Language.of(request));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/pdf");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + edition.replaceAll("[^A-Za-z0-9_-]", "") + "-announcer-script.pdf\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }

    private void picture(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String n = request.getParameter("nomination");
        String a = request.getParameter("attachment");
        if (n == null || a == null || !n.matches("\\d{1,18}") || !a.matches("\\d{1,18}"))
            throw DomainException.notFound("attachment");
        Nomination nomination = ceremonies.nomination(Long.parseLong(n));
        var attachment = nomination.getAttachments().stream()
                .filter(x -> x.getId() == Long.parseLong(a))
                .filter(x -> AttachmentType.ofMediaType(x.getContentType())
                        .map(AttachmentType::isImage)
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("attachment"));
        var file = attachments.file(attachment);
        response.setContentType(attachment.getContentType());
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }
}
