package org.palmares.ceremony;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.palmares.account.Role;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.platform.Access;
import org.palmares.platform.Messages;

/** The organisers' public vote page: the voting window, the counts, the fraud report and voiding. */
@Named
@ViewScoped
public class VotesBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient VoteService votes;

    @Inject
    transient Access access;

    private Long categoryId;
    private transient Edition edition;
    private transient List<Category> categories;
    private transient Category category;
    private transient FraudReport report;
    private LocalDateTime opensAt;
    private LocalDateTime closesAt;
    private final Map<Long, String> reasons = new HashMap<>();

    @PostConstruct
    void init() {
        access.require(Role.ORGANISER);
        String param = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("category");
        if (param != null && param.matches("\\d{1,18}")) categoryId = Long.valueOf(param);
        load();
    }

    private void load() {
        edition = votes.edition(null);
        categories = votes.publicCategories(edition);
        category = categories.stream()
                .filter(c -> categoryId == null || c.getId().equals(categoryId))
                .findFirst()
                .orElse(categories.isEmpty() ? null : categories.get(0));
        if (category == null) return;
        categoryId = category.getId();
        report = votes.report(category);
        var window = votes.rules(category);
        opensAt = window.opensAt();
        closesAt = window.closesAt();
    }

    private void ensureLoaded() {
        if (category == null && categoryId != null) load();
    }

    public void saveWindow() {
        votes.setWindow(categoryId, opensAt, closesAt);
        load();
        info("vote.window.saved");
    }

    public void voidVote(long voteId) {
        votes.voidVote(voteId, reasons.get(voteId));
        reasons.remove(voteId);
        load();
        info("vote.void.done");
    }

    private void info(String key) {
        var context = FacesContext.getCurrentInstance();
        context.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_INFO,
                        Messages.get(context.getViewRoot().getLocale(), key),
                        null));
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public List<Category> getCategories() {
        ensureLoaded();
        return categories;
    }

    public Category getCategory() {
        ensureLoaded();
        return category;
    }

    public FraudReport getReport() {
        ensureLoaded();
        return report;
    }

    public String getState() {
        return category == null ? "NOT_SET" : votes.state(category).name();
    }

    public String getUnverifiedPercent() {
        return report == null ? "0 %" : Math.round(report.unverifiedRatio() * 100) + " %";
    }

    public LocalDateTime getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(LocalDateTime opensAt) {
        this.opensAt = opensAt;
    }

    public LocalDateTime getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(LocalDateTime closesAt) {
        this.closesAt = closesAt;
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }
}
