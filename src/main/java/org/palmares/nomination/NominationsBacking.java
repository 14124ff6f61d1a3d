package org.palmares.nomination;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.platform.AuditEvent;
import org.palmares.platform.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The organisers' list of nominations: filters, counts, paging and sorting in the database, screening one or many,
 * moving to another category, history, and exports of what the filters show.
 */
@Named
@ViewScoped
public class NominationsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient ScreeningService screening;

    @Inject
    transient EditionService editions;

    private Long editionId;

    // Filters, bound to the inputs above the table.
    private Long category;
    private NominationStatus status;
    private String region;

    @Size(max = 200)
    private String text;

    private List<Nomination> selected = new ArrayList<>();

    /** The nomination whose details and history are shown, and the screening or move being prepared on it. */
    private Long focusId;

    @Size(max = 1000)
    private String reason;

    private Long moveTo;

    private final LazyDataModel<Nomination> model = new Model();

    private transient ScreeningService.Counts counts;
    private transient List<String> regions;

    @PostConstruct
    void init() {
        editionId = editions.getCurrent().getId();
    }

    public LazyDataModel<Nomination> getModel() {
        return model;
    }

    public NominationFilter getFilter() {
        return new NominationFilter(category, status, region, null, text);
    }

    /** The export link of what the filters show, in a format. */
    public String exportUrl(String format) {
        String qs = NominationFilters.queryString(getFilter());
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/organiser/export/nominations?format=" + format + (qs.isEmpty() ? "" : "&" + qs);
    }

    public void applyFilters() {
        selected = new ArrayList<>();
        counts = null;
    }

    public void clearFilters() {
        category = null;
        status = null;
        region = null;
        text = null;
        applyFilters();
    }

    public ScreeningService.Counts getCounts() {
        if (counts == null) counts = screening.counts(edition());
        return counts;
    }

    public List<Category> getCategories() {
        return edition().getCategories();
    }

    public List<String> getRegions() {
        if (regions == null) regions = screening.regions();
        return regions;
    }

    public NominationStatus[] getStatuses() {
        return NominationStatus.values();
    }

    public void markEligible() {
        bulk(true);
    }

    public void markIneligible() {
        bulk(false);
    }

    private void bulk(boolean eligible) {
        if (selected.isEmpty()) {
            error("screening.noneSelected");
            return;
        }
        var report =
                screening.screenAll(selected.stream().map(Nomination::getId).toList(), eligible, reason, locale());
        if (report.done() > 0)
            info(eligible ? "screening.markedEligible" : "screening.markedIneligible", report.done());
        report.refused().forEach(r -> error("screening.refused", r));
        if (report.refused().isEmpty()) reason = null;
        selected = new ArrayList<>();
        counts = null;
    }

    public void focus(long id) {
        focusId = id;
        reason = null;
        moveTo = null;
    }

    public Nomination getFocused() {
        return focusId == null ? null : screening.get(focusId);
    }

    /** The focused nomination's summary, its Markdown rendered with any HTML in it escaped. */
    public String getFocusedSummaryHtml() {
        Nomination focused = getFocused();
        return focused == null || focused.getSummary() == null ? "" : SafeMarkdown.html(focused.getSummary());
    }

    public List<AuditEvent> getHistory() {
        return focusId == null ? List.of() : screening.history(focusId);
    }

    public void screenFocused(boolean eligible) {
        screening.screen(focusId, eligible, reason);
        info(eligible ? "screening.markedEligible" : "screening.markedIneligible", 1);
        reason = null;
        counts = null;
    }

    public void moveFocused() {
        if (moveTo == null) {
            error("screening.move.categoryRequired");
            return;
        }
        screening.move(focusId, moveTo, reason);
        info("screening.moved");
        reason = null;
        moveTo = null;
        counts = null;
    }

    /** The edition, read once per request: the counts, the categories and the page all need it. */
    private Edition edition() {
        Map<Object, Object> request = FacesContext.getCurrentInstance().getAttributes();
        return (Edition)
                request.computeIfAbsent(NominationsBacking.class.getName() + ".edition", k -> editions.get(editionId));
    }

    private void info(String key, Object... args) {
        message(FacesMessage.SEVERITY_INFO, key, args);
    }

    private void error(String key, Object... args) {
        message(FacesMessage.SEVERITY_ERROR, key, args);
    }

    private void message(FacesMessage.Severity severity, String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(severity, Messages.get(locale(), key, args), null));
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** Pages, sorts and counts in the database through the screening service. */
    private final class Model extends LazyDataModel<Nomination> {
        private static final long serialVersionUID = 1L;
        private transient List<Nomination> page = List.of();

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            NominationFilter filter = getFilter();
            boolean countedAbove =
                    (filter.region() == null || filter.region().isBlank()) && filter.likePattern() == null;
            if (!countedAbove) return (int) screening.count(edition(), filter);
            // Filtered on category and status at most: the counts above the table already hold the answer.
            String code = category == null
                    ? null
                    : getCategories().stream()
                            .filter(c -> c.getId().equals(category))
                            .map(Category::getCode)
                            .findFirst()
                            .orElse("");
            return (int) getCounts().listed(code, status);
        }

        @Override
        public List<Nomination> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
            NominationSort by = NominationSort.ofField(sort == null ? null : sort.getField());
            boolean ascending = sort == null || sort.getOrder() != SortOrder.DESCENDING;
            page = screening.page(edition(), getFilter(), by, ascending, first, pageSize);
            return page;
        }

        @Override
        public String getRowKey(Nomination nomination) {
            return String.valueOf(nomination.getId());
        }

        @Override
        public Nomination getRowData(String rowKey) {
            return page == null
                    ? null
                    : page.stream()
                            .filter(n -> String.valueOf(n.getId()).equals(rowKey))
                            .findFirst()
                            .orElse(null);
        }
    }

    public Long getCategory() {
        return category;
    }

    public void setCategory(Long category) {
        this.category = category;
    }

    public NominationStatus getStatus() {
        return status;
    }

    public void setStatus(NominationStatus status) {
        this.status = status;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public List<Nomination> getSelected() {
        return selected;
    }

    public void setSelected(List<Nomination> selected) {
        this.selected = selected == null ? new ArrayList<>() : selected;
    }

    public Long getFocusId() {
        return focusId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getMoveTo() {
        return moveTo;
    }

    public void setMoveTo(Long moveTo) {
        this.moveTo = moveTo;
    }
}
