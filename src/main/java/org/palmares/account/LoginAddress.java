package org.palmares.account;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The address people type or print on an invitation, {@code /login}, leads to the login page instead of a 404. Only
 * the query string goes along (a {@code next} page, say): the login page checks it as it checks its own.
 */
@WebServlet("/login")
public class LoginAddress extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String query = request.getQueryString();
        response.sendRedirect(
                request.getContextPath() + "/login.xhtml" + (query == null || query.isEmpty() ? "" : "?" + query));
    }
}
