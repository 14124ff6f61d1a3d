package org.palmares.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends e-mail through the outbox: {@link #send} only writes the message in the caller's transaction, so the
 * user's action never waits for, nor fails with, the mail server. The {@link OutboxDispatcher} delivers it
 * when SMTP is configured; otherwise it stays readable by organisers in the outbox page.
 */
@ApplicationScoped
public class Mailer {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "palmares.smtp.host")
    Optional<String> smtpHost;

    @Inject
    @ConfigProperty(name = "palmares.smtp.port", defaultValue = "587")
    int smtpPort;

    @Inject
    @ConfigProperty(name = "palmares.smtp.user")
    Optional<String> smtpUser;

    @Inject
    @ConfigProperty(name = "palmares.smtp.password")
    Optional<String> smtpPassword;

    @Inject
    @ConfigProperty(name = "palmares.smtp.from", defaultValue = "palmares@localhost")
    String from;

    public boolean isConfigured() {
        return smtpHost.filter(h -> !h.isBlank()).isPresent();
    }

    @Transactional
    public OutboxMessage send(String recipient, String subject, String body) {
        var message = new OutboxMessage(recipient, subject, body, isConfigured(), clock.instant());
        em.persist(message);
        return message;
    }

    /** Writes a message with one attached file (e.g. a PDF receipt). */
    @Transactional
    public OutboxMessage send(String recipient, String subject, String body, Attachment attachment) {
        var message = new OutboxMessage(recipient, subject, body, isConfigured(), clock.instant());
        message.attach(attachment.name(), attachment.mediaType(), attachment.content());
        em.persist(message);
        return message;
    }

    /** A file sent with a message. */
    public record Attachment(String name, String mediaType, byte[] content) {}

    public List<OutboxMessage> outbox(int max) {
        return em.createQuery("select m from OutboxMessage m order by m.createdAt desc, m.id desc", OutboxMessage.class)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * The recipient as exactly one plain address, or a refusal. {@code InternetAddress.parse} would drop a comment
     * ({@code (1)name@…}) and split a list ({@code ,name@…}), so that texts counted as different addresses all reach
     * one mailbox, or one text reaches several: the rule of {@link EmailAddress} first, then Jakarta Mail's strict
     * parse must find that same single address, with no name or comment beside it.
     */
    static InternetAddress plainRecipient(String recipient) throws AddressException {
        EmailAddress plain = EmailAddress.parse(recipient)
                .orElseThrow(() -> new AddressException("Not exactly one plain e-mail address", recipient));
        InternetAddress[] all = InternetAddress.parseHeader(plain.text(), true);
        InternetAddress address = new InternetAddress(plain.text(), true);
        if (all.length != 1
                || address.getPersonal() != null
                || address.isGroup()
                || !plain.text().equals(address.getAddress())) {
            throw new AddressException("Not exactly one plain e-mail address", recipient);
        }
        return address;
    }

    /** Hands one message to the SMTP server; throws when the server refuses it or the recipient is not plain. */
    void deliver(OutboxMessage message) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", smtpHost.orElseThrow());
        props.put("mail.smtp.port", String.valueOf(smtpPort));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.starttls.enable", "true");
        Authenticator auth = null;
        if (smtpUser.filter(u -> !u.isBlank()).isPresent()) {
            props.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(smtpUser.get(), smtpPassword.orElse(""));
                }
            };
        }
        var mime = new MimeMessage(Session.getInstance(props, auth));
        mime.setFrom(new InternetAddress(from));
        mime.setRecipient(Message.RecipientType.TO, plainRecipient(message.getRecipient()));
        mime.setSubject(message.getSubject(), StandardCharsets.UTF_8.name());
        if (message.getAttachmentName() == null) {
            mime.setText(message.getBody(), StandardCharsets.UTF_8.name());
        } else {
            var text = new jakarta.mail.internet.MimeBodyPart();
            text.setText(message.getBody(), StandardCharsets.UTF_8.name());
            var file = new jakarta.mail.internet.MimeBodyPart();
            file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                    message.getAttachmentData(), message.getAttachmentType())));
            file.setFileName(message.getAttachmentName());
            mime.setContent(new jakarta.mail.internet.MimeMultipart(text, file));
        }
        Transport.send(mime);
    }
}
