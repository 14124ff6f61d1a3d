package org.palmares.ceremony;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.nomination.Attachment;
import org.palmares.nomination.Nomination;
import org.palmares.platform.Language;
import org.palmares.platform.Messages;

/**
 * The public vote page: a stateless view (no HTTP session is ever created for a visitor), so everything it needs
 * comes back with each request: the category from the URL, the ballot being verified from a hidden field.
 */
@Named
@RequestScoped
public class VoteBacking {
    @Inject
    VoteService votes;

    @Inject
    VoteSettings settings;

    @Inject
    HttpServletRequest request;

    @Inject
    java.time.Clock clock;

    private Edition edition;
    private Category category;
    private List<Nomination> nominations;
    private VotingWindow.State state;
    private String ballot;
    private Instant expiresAt;
    private String email;
    private String website;
    private String code;
    private boolean counted;
    private Nomination countedFor;

    @PostConstruct
    void load() {
        edition = votes.edition(param("edition"));
        category = votes.publicCategory(edition, param("category"));
        state = votes.state(category);
        nominations = votes.ballotPaper(category);
        String posted = param("ballot");
        if (posted != null && posted.matches("[A-Za-z0-9_-]{20,64}")) ballot = posted;
    }

    /** The vote button of one card: the nomination is one of this request's ballot paper. */
    public void castFor(Nomination chosen) {
        var receipt = votes.cast(
                category.getId(),
                chosen.getId(),
                email,
                website,
                ClientAddress.of(request, settings.clientIpHeader()),
                locale());
        ballot = receipt.ballot();
        expiresAt = receipt.expiresAt();
        info("vote.codeSent");
    }

    public void verify() {
        Ballot verified = votes.verify(ballot, code, ClientAddress.of(request, settings.clientIpHeader()));
        counted = true;
        countedFor = verified.getNomination();
        ballot = null;
    }

    /** A new ballot: back to the choice (e.g. after a spent or expired code). */
    public void restart() {
        ballot = null;
    }

    /** The picture its territory consented to show publicly, if any (null: none). */
    public Attachment picture(Nomination nomination) {
        return nomination.publicPicture().orElse(null);
    }

    /** A request parameter as Faces decoded it (the servlet request's own map misses posted form fields here). */
    private static String param(String name) {
        return FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(name);
    }

    private Locale locale() {
        return Language.of(request);
    }

    private void info(String key) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Messages.get(locale(), key), null));
    }

    public boolean isOpen() {
        return state == VotingWindow.State.OPEN;
    }

    public boolean isChoosing() {
        return isOpen() && ballot == null && !counted;
    }

    public boolean isVerifying() {
        return ballot != null && !counted;
    }

    public Edition getEdition() {
        return edition;
    }

    public Category getCategory() {
        return category;
    }

    public List<Nomination> getNominations() {
        return nominations;
    }

    public String getState() {
        return state.name();
    }

    public VotingWindow getWindow() {
        return votes.rules(category);
    }

    /** While the vote is open: how long is left, e.g. "Il reste 3 jours et 4 heures"; else empty. */
    public String getTimeLeft() {
        VotingWindow window = getWindow();
        if (!isOpen() || window.closesAt() == null) return "";
        var closes = window.closesAt().atZone(window.zone()).toInstant();
        return org.palmares.platform.Countdown.text(java.time.Duration.between(clock.instant(), closes), locale());
    }

    public String getBallot() {
        return ballot;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public boolean isCounted() {
        return counted;
    }

    public Nomination getCountedFor() {
        return countedFor;
    }
}
