package org.palmares.tally;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.DomainException;
import org.palmares.platform.Language;
import org.palmares.platform.TableExport;

/**
 * The tally's files for organisers: {@code /organiser/export/tally?what=sheets|results&format=csv|csv-semicolon|xlsx}
 * and the jury
 * report {@code /organiser/export/jury-report.pdf}. Under /organiser/, and the service checks the role again.
 */
@WebServlet({"/organiser/export/tally", "/organiser/export/jury-report.pdf"})
public class TallyExportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient TallyService tally;

    @Inject
    transient EditionService editions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Edition edition = editions.getCurrent();
            LiveTally live = tally.live(tally.edition(edition.getCode()));
            Locale locale = Language.of(request);
            response.setHeader("Cache-Control", "no-store");
            if (request.getServletPath().endsWith(".pdf")) {
                byte[] pdf = JuryReport.pdf(live, tally, locale);
                response.setContentType("application/pdf");
                response.setHeader(
                        "Content-Disposition", "attachment; filename=\"" + edition.getCode() + "-jury-report.pdf\"");
                response.setContentLength(pdf.length);
                response.getOutputStream().write(pdf);
                return;
            }
            boolean sheets = "sheets".equals(request.getParameter("what"));
            TableExport.Format format = TableExport.Format.of(request.getParameter("format"));
            List<List<String>> rows =
                    sheets ? TallyExport.sheets(live, locale, format) : TallyExport.results(live, locale, format);
            response.setContentType(format.contentType());
            response.setHeader(
                    "Content-Disposition",
                    "attachment; filename=\"" + edition.getCode() + (sheets ? "-sheets." : "-results.")
                            + format.extension() + "\"");
            try (TableExport.RowWriter writer =
                    TableExport.open(format, response.getOutputStream(), sheets ? "Sheets" : "Results")) {
                for (List<String> row : rows) writer.write(row);
            }
        } catch (DomainException e) {
            // Refused: the error page of that status, never a stack trace.
            if (!response.isCommitted()) response.sendError(e.status());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("The tally export failed", e);
        }
    }
}
