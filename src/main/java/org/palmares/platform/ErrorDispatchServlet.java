package org.palmares.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one target of web.xml's error pages: REST paths get problem details, pages get a friendly error page.
 * Neither ever shows a stack trace; unexpected errors are logged here with their cause.
 */
@WebServlet("/error-dispatch")
public class ErrorDispatchServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ErrorDispatchServlet.class.getName());
    private static final Set<Integer> PAGES = Set.of(403, 404, 500);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Integer code = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = code == null || code < 400 ? 500 : code;
        if (error != null && status == 500) {
            LOG.log(Level.SEVERE, "Unexpected error on " + uri, error);
        }
        if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
            // The container's own refusals (a role missing, no such path) come here unread.
            UnreadBodyDrain.drain(request);
            var locale = org.palmares.platform.Language.of(request);
            response.setStatus(status);
            response.setContentType(ProblemDetails.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write(ProblemDetails.of(
                                    status,
                                    Messages.get(locale, "error.status." + status),
                                    status == 500 ? Messages.get(locale, "error.unexpected") : null)
                            .build()
                            .toString());
            return;
        }
        int page = PAGES.contains(status) ? status : (status == 401 ? 403 : (status >= 500 ? 500 : 404));
        response.setStatus(status);
        request.getRequestDispatcher("/error/" + page + ".xhtml").forward(request, response);
    }
}
