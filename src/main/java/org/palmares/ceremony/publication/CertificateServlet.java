package org.palmares.ceremony.publication;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.palmares.platform.DomainException;
import org.palmares.platform.Language;

/**
 * A certificate as a PDF: {@code /certificates/12.pdf?lang=en} (the visitor's language by default). Login required
 * (web.xml); which certificate a caller may have is decided by {@link PublicationService#certificate}.
 */
@WebServlet("/certificates/*")
public class CertificateServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PublicationService publication;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !path.matches("/\\d{1,18}\\.pdf")) {
            response.sendError(404);
            return;
        }
        long id = Long.parseLong(path.substring(1, path.length() - 4));
        Locale locale = locale(request);
        try {
            byte[] pdf = publication.certificate(id, locale);
            response.setContentType("application/pdf");
            response.setHeader("Cache-Control", "private, no-store");
            response.setHeader(
                    "Content-Disposition", "inline; filename=\"" + publication.certificateName(id, locale) + "\"");
            response.setContentLength(pdf.length);
            response.getOutputStream().write(pdf);
        } catch (DomainException refused) {
            if (!response.isCommitted()) response.sendError(refused.status());
        }
    }

    static Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if ("en".equals(lang)) return Locale.ENGLISH;
        if ("fr".equals(lang)) return Locale.FRENCH;
        return Language.of(request);
    }
}
