package org.palmares.ceremony.publication;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIOutput;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.palmares.edition.Edition;
import org.palmares.platform.Language;
import org.palmares.platform.Messages;

/**
 * The public palmarès page ({@code /palmares.xhtml?edition=TC2019}), stateless: an edition's published winners and
 * mentions, "to be announced" elsewhere; without an edition, the archive of editions with something published.
 */
@Named
@RequestScoped
public class PalmaresBacking {
    @Inject
    PublicationService publication;

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "palmares.base.url", defaultValue = "http://localhost:8080")
    String baseUrl;

    private Edition edition;
    private List<PublicationService.PalmaresCategory> categories;
    private List<Edition> archive;
    private List<ArchiveCard> archiveCards = List.of();
    private String place;

    /** One edition of the archive's index: its published categories, their winners, and the pictures consented. */
    public record ArchiveCard(Edition edition, List<PublicationService.PalmaresCategory> categories) {
        public List<PublicationService.PalmaresCategory> published() {
            return categories.stream()
                    .filter(PublicationService.PalmaresCategory::published)
                    .toList();
        }

        /** Up to three winners whose territory consented to show a picture. */
        public List<PublicationService.Laureate> pictured() {
            return published().stream()
                    .flatMap(c -> c.winners().stream())
                    .filter(l -> l.picture() != null)
                    .limit(3)
                    .toList();
        }

        /** The winners of a category, by territory, joined ("A, B"). */
        public static String winnerNames(PublicationService.PalmaresCategory c) {
            return String.join(
                    ", ",
                    c.winners().stream()
                            .map(l -> l.nomination().getTerritory().getName())
                            .toList());
        }
    }

    @PostConstruct
    void load() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        // The same for every anonymous visitor of a language: shared caches may keep it a minute. A logged-in
        // visitor's copy carries their name in the header, so it stays private.
        external.setResponseHeader(
                "Cache-Control", external.getUserPrincipal() == null ? PalmaresResource.CACHE : "private, no-store");
        external.setResponseHeader("Vary", "Accept-Language, Cookie");
        String key = external.getRequestParameterMap().get("edition");
        if (key == null || key.isBlank()) {
            archive = publication.archive();
            archiveCards = archive.stream()
                    .map(e -> new ArchiveCard(e, publication.palmares(e)))
                    .toList();
            categories = List.of();
            return;
        }
        edition = publication.edition(key);
        categories = publication.palmares(edition);
        place = publication.place(edition).orElse(null);
        archive = List.of();
    }

    /**
     * Puts the OpenGraph and Twitter card tags in the head (the layout has no slot for them; h:head renders the
     * view's "head" resources). Runs before each render of this stateless view.
     */
    public void addShareTags() {
        FacesContext context = FacesContext.getCurrentInstance();
        var meta = new UIOutput();
        meta.setTransient(true);
        meta.setRendererType(null);
        var tags = new StringBuilder();
        tag(tags, "property", "og:type", "website");
        tag(tags, "property", "og:site_name", Messages.get(locale(), "app.name"));
        tag(tags, "property", "og:title", getShareTitle());
        tag(tags, "property", "og:description", getShareDescription());
        tag(tags, "property", "og:url", getShareUrl());
        tag(tags, "property", "og:locale", locale().getLanguage().equals("en") ? "en_GB" : "fr_FR");
        String image = getShareImage();
        if (image != null) tag(tags, "property", "og:image", image);
        tag(tags, "name", "twitter:card", image != null ? "summary_large_image" : "summary");
        tag(tags, "name", "twitter:title", getShareTitle());
        tag(tags, "name", "twitter:description", getShareDescription());
        if (image != null) tag(tags, "name", "twitter:image", image);
        tag(tags, "name", "description", getShareDescription());
        var text = new jakarta.faces.component.html.HtmlOutputText();
        text.setTransient(true);
        text.setEscape(false);
        text.setValue(tags.toString());
        text.setId("palmares-share-tags");
        context.getViewRoot().addComponentResource(context, text, "head");
    }

    private static void tag(StringBuilder b, String attribute, String name, String content) {
        b.append("<meta ")
                .append(attribute)
                .append("=\"")
                .append(name)
                .append("\" content=\"")
                .append(escape(content))
                .append("\"/>\n");
    }

    static String escape(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\n", " ");
    }

    private Locale locale() {
        return Language.of(request);
    }

    public String getShareTitle() {
        String palmares = Messages.get(locale(), "palmares.title");
        return edition == null ? palmares : palmares + " · " + edition.name(locale());
    }

    public String getShareDescription() {
        if (edition == null) return Messages.get(locale(), "palmares.archive.lead");
        List<String> winners = categories.stream()
                .filter(PublicationService.PalmaresCategory::published)
                .flatMap(c -> c.winners().stream()
                        .map(l -> c.category().name(locale()) + " : "
                                + l.nomination().getTerritory().getName()))
                .toList();
        return winners.isEmpty()
                ? Messages.get(locale(), "palmares.share.none", edition.name(locale()))
                : Messages.get(locale(), "palmares.share.winners", String.join(" · ", winners));
    }

    public String getShareUrl() {
        return baseUrl + "/palmares.xhtml" + (edition == null ? "" : "?edition=" + edition.getCode());
    }

    /**
     * The absolute address of the first published winner's picture its territory consented to show; else the site's
     * own share image, so that a shared link always shows a picture.
     */
    public String getShareImage() {
        return categories.stream()
                .filter(PublicationService.PalmaresCategory::published)
                .flatMap(c -> c.laureates().stream())
                .filter(l -> l.picture() != null)
                .findFirst()
                .map(l -> baseUrl + pictureUrl(l))
                .orElse(baseUrl + "/og-image.png");
    }

    /** The path (below the context) of a laureate's picture. */
    public String pictureUrl(PublicationService.Laureate l) {
        return "/palmares/picture?nomination=" + l.nomination().getId() + "&attachment="
                + l.picture().getId();
    }

    public String getMailShareLink() {
        return "mailto:?subject=" + encode(getShareTitle()) + "&body=" + encode(getShareUrl());
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    public Edition getEdition() {
        return edition;
    }

    public List<PublicationService.PalmaresCategory> getCategories() {
        return categories;
    }

    public long getPublishedCount() {
        return categories.stream()
                .filter(PublicationService.PalmaresCategory::published)
                .count();
    }

    public List<Edition> getArchive() {
        return archive;
    }

    public List<ArchiveCard> getArchiveCards() {
        return archiveCards;
    }

    public String winnerNames(PublicationService.PalmaresCategory c) {
        return ArchiveCard.winnerNames(c);
    }

    public String getPlace() {
        return place;
    }
}
