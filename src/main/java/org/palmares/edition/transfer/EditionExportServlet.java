package org.palmares.edition.transfer;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.palmares.nomination.FileNames;
import org.palmares.platform.DownloadServlet;

/** The edition ZIP for the organisers' transfer page: {@code /organiser/export/edition?code=TC2019}. */
@WebServlet("/organiser/export/edition")
public class EditionExportServlet extends DownloadServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EditionExport export;

    @Override
    protected void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EditionExport.Plan plan = export.plan(request.getParameter("code"));
        response.setContentType(TransferResource.ZIP);
        response.setHeader("Content-Disposition", FileNames.contentDisposition(false, plan.fileName()));
        response.setHeader("Cache-Control", "no-store");
        export.write(plan, response.getOutputStream());
    }
}
