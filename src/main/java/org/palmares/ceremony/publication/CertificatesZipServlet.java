package org.palmares.ceremony.publication;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.DownloadServlet;

/** Every certificate of the current edition in one ZIP, for organisers: {@code /organiser/export/certificates.zip}. */
@WebServlet("/organiser/export/certificates.zip")
public class CertificatesZipServlet extends DownloadServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PublicationService publication;

    @Inject
    transient EditionService editions;

    @Override
    protected void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Edition edition = editions.getCurrent();
        Locale locale = CertificateServlet.locale(request);
        byte[] zip = publication.certificatesZip(edition, locale);
        response.setContentType("application/zip");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + edition.getCode() + "-certificates-" + locale.getLanguage() + ".zip\"");
        response.setContentLength(zip.length);
        response.getOutputStream().write(zip);
    }
}
