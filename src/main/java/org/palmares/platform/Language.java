package org.palmares.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * The language of the current request: the visitor's choice (a cookie, so no session is needed), else English
 * when the browser prefers it, else French.
 */
@Named("lang")
@RequestScoped
public class Language {
    static final String COOKIE = "palmares-lang";

    @Inject
    HttpServletRequest request;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = of(request);
        }
        return locale;
    }

    public boolean isEnglish() {
        return "en".equals(getLocale().getLanguage());
    }

    /** The path and query of this page, for the language switch to come back to. */
    public String getHere() {
        Object forwarded = request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI);
        String uri = forwarded != null ? forwarded.toString() : request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        String query = forwarded != null
                ? (String) request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_QUERY_STRING)
                : request.getQueryString();
        return query == null ? path : path + "?" + query;
    }

    /**
     * The language of a REST call: the first of its Accept-Language, French or English. A header Jersey cannot parse
     * ({@code zz;q=abc}) is French, as no header is: reading it throws, and in the problem mapper a throw is a 500
     * with no body of ours.
     */
    public static Locale of(HttpHeaders headers) {
        if (headers == null) return Messages.DEFAULT;
        List<Locale> accepted;
        try {
            accepted = headers.getAcceptableLanguages();
        } catch (RuntimeException unparsable) {
            return Messages.DEFAULT;
        }
        return Messages.supported(accepted.isEmpty() ? null : accepted.get(0));
    }

    public static Locale of(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return "en".equals(cookie.getValue()) ? Locale.ENGLISH : Locale.FRENCH;
                }
            }
        }
        // Without an Accept-Language header the container answers with its own default: French is ours.
        return request.getHeader("Accept-Language") == null
                ? Messages.DEFAULT
                : Messages.supported(request.getLocale());
    }
}
