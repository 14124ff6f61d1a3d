package org.palmares.ceremony.publication;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.palmares.platform.Messages;

/**
 * The words printed on a certificate, chosen for the award and the language: pure, so that the choice is tested
 * without a PDF. {@code date} and {@code place} may be missing (not set yet): their line then says only what is known.
 */
public record CertificateText(
        String heading,
        String edition,
        String awardLine,
        String presentedTo,
        String territory,
        String forProject,
        String title,
        String whenWhere,
        Locale locale) {

    /** The facts a certificate states. */
    public record Facts(
            String edition,
            String category,
            Award award,
            String territory,
            String title,
            LocalDateTime ceremonyAt,
            String place) {}

    public static CertificateText of(Facts f, Locale requested) {
        Locale locale = Messages.supported(requested);
        String awardKey = f.award() == Award.WINNER ? "certificate.award.winner" : "certificate.award.mention";
        return new CertificateText(
                Messages.get(locale, "certificate.heading"),
                f.edition(),
                Messages.get(locale, awardKey, f.category()),
                Messages.get(locale, "certificate.presentedTo"),
                f.territory(),
                Messages.get(locale, "certificate.forProject"),
                f.title(),
                whenWhere(f.ceremonyAt(), f.place(), locale),
                locale);
    }

    static String whenWhere(LocalDateTime at, String place, Locale locale) {
        boolean hasPlace = place != null && !place.isBlank();
        if (at == null && !hasPlace) return "";
        if (at == null) return Messages.get(locale, "certificate.where", place.strip());
        // Day month year in both languages (the English of a French ceremony, not the American order).
        String date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(at.toLocalDate());
        return hasPlace
                ? Messages.get(locale, "certificate.whenWhere", date, place.strip())
                : Messages.get(locale, "certificate.when", date);
    }

    public String signatureJury() {
        return Messages.get(locale, "certificate.signature.jury");
    }

    public String signatureOrganisers() {
        return Messages.get(locale, "certificate.signature.organisers");
    }

    /** The project's title in the language's quotation marks. */
    public String quotedTitle() {
        return Messages.get(locale, "certificate.quoted", title);
    }

    /** The file name of the certificate, e.g. {@code TC2019-SOC-007-laureat-fr.pdf}. */
    public static String fileName(String reference, Award award, Locale locale) {
        String lang = Messages.supported(locale).getLanguage();
        String kind = award == Award.WINNER ? (lang.equals("en") ? "winner" : "laureat") : "mention";
        String ref = reference == null ? "certificate" : reference.replaceAll("[^A-Za-z0-9-]", "_");
        return ref + "-" + kind + "-" + lang + ".pdf";
    }
}
