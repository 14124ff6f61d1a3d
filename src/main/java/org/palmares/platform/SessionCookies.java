package org.palmares.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie's Secure attribute, set by the application itself when Palmarès is reached over HTTPS
 * ({@code palmares.base.url}; behind a proxy that ends TLS the server alone cannot tell). HttpOnly comes from web.xml,
 * SameSite=Lax from payara-web.xml, so that every way of starting Payara gets all three.
 */
@WebListener
public class SessionCookies implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(SessionCookies.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        boolean https = ConfigProvider.getConfig()
                .getOptionalValue("palmares.base.url", String.class)
                .map(url -> url.regionMatches(true, 0, "https://", 0, 8))
                .orElse(false);
        cookie.setSecure(https);
        LOG.fine(() -> "Session cookie Secure: " + https);
    }
}
