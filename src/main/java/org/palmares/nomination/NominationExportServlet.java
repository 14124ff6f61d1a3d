package org.palmares.nomination;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.DownloadServlet;
import org.palmares.platform.Language;

/**
 * Streams the organisers' filtered list of nominations as CSV or XLSX, with every answer. Under /organiser/, so only
 * organisers reach it; the service checks again.
 */
@WebServlet("/organiser/export/nominations")
public class NominationExportServlet extends DownloadServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient ScreeningService screening;

    @Inject
    transient EditionService editions;

    @Override
    protected void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Edition edition = editions.getCurrent();
        NominationFilter filter = NominationFilters.of(request::getParameter);
        org.palmares.platform.TableExport.Format format =
                org.palmares.platform.TableExport.Format.of(request.getParameter("format"));
        Locale locale = Language.of(request);
        List<Question> questions = edition.getCategories().stream()
                .filter(c -> filter.categoryId() == null || c.getId().equals(filter.categoryId()))
                .flatMap(c -> screening.questionsOf(c).stream())
                .toList();
        var export = new NominationExport(locale, edition.zone(), questions);
        response.setContentType(format.contentType());
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + edition.getCode() + "-nominations." + format.extension() + "\"");
        response.setHeader("Cache-Control", "no-store");
        OutputStream out = response.getOutputStream();
        try (org.palmares.platform.TableExport.RowWriter writer =
                org.palmares.platform.TableExport.open(format, out, "Nominations")) {
            writer.write(export.header());
            screening.forEachBatch(edition, filter, batch -> {
                var answers = screening.answersOf(batch);
                for (Nomination n : batch) {
                    try {
                        writer.write(export.row(n, answers.getOrDefault(n.getId(), List.of())));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
        }
    }
}
