package org.palmares.nomination;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.palmares.account.Role;
import org.palmares.platform.Access;
import org.palmares.platform.DomainException;
import org.palmares.platform.DownloadServlet;

/**
 * Sends every attachment of one nomination as a ZIP file, for organisers. Under /organiser/, and the attachment service
 * checks again that the caller may see the nomination.
 */
@WebServlet("/organiser/export/attachments")
public class AttachmentsZipServlet extends DownloadServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient AttachmentService attachments;

    @Inject
    transient NominationService nominations;

    @Inject
    transient Access access;

    @Override
    protected void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        access.require(Role.ORGANISER);
        long id = parse(request.getParameter("nomination"));
        Nomination nomination = nominations.get(id);
        List<Attachment> files = attachments.list(id);
        String name = (nomination.getReference() == null ? "nomination-" + id : nomination.getReference()) + ".zip";
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", FileNames.contentDisposition(false, name));
        response.setHeader("Cache-Control", "no-store");
        Set<String> used = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream())) {
            for (Attachment attachment : files) {
                zip.putNextEntry(new ZipEntry(unique(attachment.getOriginalName(), used)));
                Files.copy(attachments.file(attachment), zip);
                zip.closeEntry();
            }
        }
    }

    /** Two attachments with the same name both go in: the second becomes "name (2).pdf". */
    static String unique(String name, Set<String> used) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; !used.add(candidate); n++) candidate = stem + " (" + n + ")" + extension;
        return candidate;
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            throw DomainException.notFound("nomination");
        }
    }
}
