package org.palmares.nomination;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.palmares.edition.EditionService;
import org.palmares.platform.DomainException;
import org.palmares.platform.ImportLine;
import org.palmares.platform.Messages;
import org.primefaces.event.FileUploadEvent;

/**
 * The organisers' page of territories: who takes part, inviting a contact (one, or many from a CSV file with a report
 * per row), and the requests to join waiting for a decision.
 */
@Named
@ViewScoped
public class TerritoriesBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A CSV file of invitations larger than this is refused before it is read. */
    static final long MAX_CSV_BYTES = 1_000_000;

    @Inject
    transient TerritoryService territories;

    @Inject
    transient EditionService editions;

    private TerritoryContactForm form = new TerritoryContactForm();

    /** The report of the last CSV import, one line per row of the file. */
    private List<ImportLine> report = new ArrayList<>();

    private Long rejecting;

    @Size(max = 1000)
    private String rejectReason;

    private transient List<TerritoryService.Overview> overview;

    public List<TerritoryService.Overview> getOverview() {
        if (overview == null)
            overview = territories.overview(editions.getCurrent().getId());
        return overview;
    }

    public List<JoinRequest> getRequests() {
        return territories.pendingRequests();
    }

    public TerritoryKind[] getKinds() {
        return TerritoryKind.values();
    }

    public void invite() {
        territories.inviteContact(
                form.name(),
                form.getKind(),
                form.region(),
                form.departement(),
                form.contactName(),
                form.contactEmail(),
                locale());
        info("territories.invited", form.contactEmail(), form.name());
        form = new TerritoryContactForm();
        overview = null;
    }

    /** Reads the uploaded CSV and invites each good row on its own; the report says what became of every row. */
    public void importCsv(FileUploadEvent event) {
        report = new ArrayList<>();
        var file = event.getFile();
        if (file.getSize() > MAX_CSV_BYTES) {
            error("territories.import.tooBig");
            return;
        }
        List<TerritoryImport.Row> rows;
        try {
            rows = TerritoryImport.read(new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (org.palmares.platform.CsvTable.Unreadable e) {
            error(e.messageKey(), e.arguments());
            return;
        } catch (IOException e) {
            error("csv.unreadable", e.getMessage());
            return;
        }
        Locale locale = locale();
        int invited = 0;
        for (TerritoryImport.Row row : rows) {
            if (!row.isValid()) {
                report.add(new ImportLine(
                        row.line(),
                        row.name(),
                        row.contactEmail(),
                        false,
                        String.join(
                                " ",
                                row.problems().stream()
                                        .map(k -> Messages.get(locale, k))
                                        .toList())));
                continue;
            }
            try {
                territories.inviteContact(
                        row.name(),
                        row.kind(),
                        row.region(),
                        row.departement(),
                        row.contactName(),
                        row.contactEmail(),
                        locale);
                invited++;
                report.add(new ImportLine(
                        row.line(),
                        row.name(),
                        row.contactEmail(),
                        true,
                        Messages.get(locale, "territories.import.ok")));
            } catch (DomainException e) {
                report.add(new ImportLine(
                        row.line(),
                        row.name(),
                        row.contactEmail(),
                        false,
                        Messages.get(locale, e.messageKey(), e.arguments())));
            }
        }
        info("territories.import.done", invited, rows.size());
        overview = null;
    }

    public void approve(long requestId) {
        Territory territory = territories.approve(requestId);
        info("territories.approved", territory.getName());
        overview = null;
    }

    public void startReject(long requestId) {
        rejecting = requestId;
        rejectReason = null;
    }

    public void reject() {
        if (rejecting == null) return;
        territories.reject(rejecting, rejectReason);
        info("territories.rejected");
        rejecting = null;
        rejectReason = null;
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

    public List<ImportLine> getReport() {
        return report;
    }

    public TerritoryContactForm getForm() {
        return form;
    }

    public Long getRejecting() {
        return rejecting;
    }

    public String getRejectReason() {
        return rejectReason;
    }

    public void setRejectReason(String rejectReason) {
        this.rejectReason = rejectReason;
    }
}
