package org.palmares.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The organisers' view of the outbox: every e-mail the application wrote, and whether it went out. */
@Named
@RequestScoped
public class OutboxBacking {
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    @Inject
    Mailer mailer;

    private List<OutboxMessage> messages;

    public List<OutboxMessage> getMessages() {
        if (messages == null) messages = mailer.outbox(200);
        return messages;
    }

    public boolean isSmtpConfigured() {
        return mailer.isConfigured();
    }

    /** The body as escaped HTML with its links made clickable. */
    public String html(String body) {
        StringBuilder out = new StringBuilder();
        Matcher m = LINK.matcher(body);
        int last = 0;
        while (m.find()) {
            out.append(escape(body.substring(last, m.start())));
            String url = escape(m.group());
            out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
            last = m.end();
        }
        out.append(escape(body.substring(last)));
        return out.toString().replace("\n", "<br/>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
