package org.palmares.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;

/**
 * Streams the audit log, filtered as on the viewer page, as a CSV file (UTF-8 with a BOM, semicolons, formulas
 * defused: the nominations export's writer). Under /organiser/, so only organisers reach it; the service checks again.
 */
@WebServlet("/organiser/export/audit")
public class AuditExportServlet extends DownloadServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient AuditSearch search;

    @Inject
    transient EditionService editions;

    @Override
    protected void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Edition edition = editions.getCurrent();
        ZoneId zone = edition.zone();
        AuditFilter filter = AuditFilter.of(request::getParameter);
        AuditExport export = new AuditExport(Language.of(request), zone);
        // Checked before anything is written, so a refusal is still an error page.
        long count = search.count(filter, zone);
        response.setContentType(TableExport.Format.CSV_SEMICOLON.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + edition.getCode() + "-audit.csv\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Total-Count", String.valueOf(count));
        try (TableExport.RowWriter writer =
                TableExport.open(TableExport.Format.CSV_SEMICOLON, response.getOutputStream())) {
            writer.write(export.header());
            search.forEachBatch(filter, zone, batch -> {
                for (AuditEvent e : batch) {
                    try {
                        writer.write(export.row(e));
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                }
            });
        }
    }
}
