package org.palmares.platform;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Switches the language ({@code /lang?to=en&back=/page}) and goes back to the page, which must be on this site. */
@WebServlet("/lang")
public class LanguageServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String to = "en".equals(request.getParameter("to")) ? "en" : "fr";
        Cookie cookie = new Cookie(Language.COOKIE, to);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        String back = request.getParameter("back");
        boolean local = back != null
                && back.startsWith("/")
                && !back.startsWith("//")
                && !back.contains("\\")
                && !back.contains("\r")
                && !back.contains("\n");
        response.sendRedirect(request.getContextPath() + (local ? back : "/"));
    }
}
