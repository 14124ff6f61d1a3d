package org.palmares.platform;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.palmares.edition.EditionService;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The organisers' audit log viewer: filters on who, object, action and time (in the edition's time zone), newest
 * first, paged in the database, and the CSV export of what the filters show.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Before/after texts longer than this are cut in the row and shown whole when the row is opened. */
    private static final int SHORT = 80;

    @Inject
    transient AuditSearch search;

    @Inject
    transient EditionService editions;

    @Size(max = 200)
    private String actor;

    private String objectType;

    @Size(max = 200)
    private String objectId;

    private String action;
    private LocalDateTime from;
    private LocalDateTime to;

    private String zone;

    private final LazyDataModel<AuditEvent> model = new Model();

    private transient List<String> objectTypes;
    private transient List<String> actions;

    @PostConstruct
    void init() {
        zone = editions.getCurrent().getTimeZone();
    }

    public AuditFilter getFilter() {
        return new AuditFilter(actor, objectType, objectId, action, from, to);
    }

    public LazyDataModel<AuditEvent> getModel() {
        return model;
    }

    /** The export link of what the filters show. */
    public String getExportUrl() {
        String qs = getFilter().queryString();
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/organiser/export/audit" + (qs.isEmpty() ? "" : "?" + qs);
    }

    /** Shows the first page of what the new filters match. */
    public void applyFilters() {
        if (FacesContext.getCurrentInstance().getViewRoot().findComponent("list:table")
                instanceof org.primefaces.component.datatable.DataTable table) {
            table.setFirst(0);
        }
    }

    public void clearFilters() {
        actor = null;
        objectType = null;
        objectId = null;
        action = null;
        from = null;
        to = null;
        applyFilters();
    }

    public List<String> getObjectTypes() {
        if (objectTypes == null) objectTypes = search.objectTypes();
        return objectTypes;
    }

    public List<String> getActions() {
        if (actions == null) actions = search.actions();
        return actions;
    }

    /** The edition's time zone, in which times are shown and filtered. */
    public String getZone() {
        return zone;
    }

    /** A before/after text cut to a line, for the row; empty for none. */
    public String brief(String text) {
        if (text == null) return "";
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= SHORT ? line : line.substring(0, SHORT) + "…";
    }

    /** Whether the text is longer than its brief, so the row offers to open it. */
    public boolean isLong(String text) {
        return text != null && (text.strip().length() > SHORT || text.contains("\n"));
    }

    private ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /** Pages and counts in the database, newest first. */
    private final class Model extends LazyDataModel<AuditEvent> {
        private static final long serialVersionUID = 1L;
        private transient List<AuditEvent> page = List.of();

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, search.count(getFilter(), zoneId()));
        }

        @Override
        public List<AuditEvent> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            page = search.page(getFilter(), zoneId(), first, pageSize);
            return page;
        }

        @Override
        public String getRowKey(AuditEvent event) {
            return String.valueOf(event.getId());
        }

        @Override
        public AuditEvent getRowData(String rowKey) {
            return page == null
                    ? null
                    : page.stream()
                            .filter(e -> String.valueOf(e.getId()).equals(rowKey))
                            .findFirst()
                            .orElse(null);
        }
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getObjectType() {
        return objectType;
    }

    public void setObjectType(String objectType) {
        this.objectType = objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public void setObjectId(String objectId) {
        this.objectId = objectId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }
}
