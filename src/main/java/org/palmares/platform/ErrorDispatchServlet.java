package org.palmares.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one target of web.xml's error pages: REST paths get problem details, pages get a friendly error page.
 * Neither ever shows a stack trace; unexpected errors are logged here with their cause. A storage failure (a full
 * disk) is a 503 with {@code Retry-After}, not a 500.
 */
@WebServlet("/error-dispatch")
public class ErrorDispatchServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(ErrorDispatchServlet.class.getName());
    private static final Set<Integer> PAGES = Set.of(403, 404, 500, 503);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Integer code = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = code == null || code < 400 ? 500 : code;
        Optional<StorageUnavailable> storage = error == null ? Optional.empty() : StorageStatus.failureIn(error);
        if (storage.isPresent()) {
            status = 503;
        } else if (error != null && status == 500) {
            LOG.log(Level.SEVERE, "Unexpected error on " + uri, error);
        }
        if (status == 503) {
            long seconds = storage.map(StorageUnavailable::retryAfterSeconds)
                    .orElse(StorageUnavailable.RETRY_AFTER.toSeconds());
            response.setHeader("Retry-After", String.valueOf(seconds));
        }
        if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
            // The container's own refusals (a role missing, no such path) come here unread.
            UnreadBodyDrain.drain(request);
            var locale = org.palmares.platform.Language.of(request);
            response.setStatus(status);
            response.setContentType(ProblemDetails.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            var body = storage.isPresent()
                    ? ProblemDetails.of(
                                    503,
                                    Messages.get(locale, storage.get().messageKey() + ".title"),
                                    Messages.get(locale, storage.get().messageKey()))
                            .add("code", storage.get().messageKey())
                    : ProblemDetails.of(
                            status,
                            Messages.get(locale, "error.status." + status),
                            status == 500 ? Messages.get(locale, "error.unexpected") : null);
            response.getWriter().write(body.build().toString());
            return;
        }
        int page = PAGES.contains(status) ? status : (status == 401 ? 403 : (status >= 500 ? 500 : 404));
        response.setStatus(status);
        request.getRequestDispatcher("/error/" + page + ".xhtml").forward(request, response);
    }

    /**
     * An error page made of the bundles alone, with no template and no bean: for when the error page itself failed
     * (the database gone, say), so that it is never sent to itself in a loop.
     */
    static String plainHtml(Locale locale, String page, String contextPath) {
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"><title>"
                + escape(Messages.get(locale, "error.page." + page + ".title")) + "</title></head><body><main><h1>"
                + escape(Messages.get(locale, "error.page." + page + ".title")) + "</h1><p>"
                + escape(Messages.get(locale, "error.page." + page + ".text")) + "</p><p><a href=\""
                + escape(contextPath) + "/\">" + escape(Messages.get(locale, "error.page.home"))
                + "</a></p></main></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
