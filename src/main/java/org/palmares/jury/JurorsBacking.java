package org.palmares.jury;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.palmares.edition.Category;
import org.palmares.edition.Edition;
import org.palmares.edition.EditionService;
import org.palmares.nomination.Nomination;
import org.palmares.nomination.Territory;
import org.palmares.nomination.TerritoryService;
import org.palmares.platform.ImportLine;
import org.palmares.platform.Messages;
import org.palmares.platform.PlainEmail;

/** The organisers' page of the jury: who the jurors are, their conflicts, and the invitation of a new juror. */
@Named
@ViewScoped
public class JurorsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EditionService editions;

    @Inject
    transient JurorService jurors;

    @Inject
    transient TerritoryService territories;

    @NotBlank
    @PlainEmail
    @Size(max = 254)
    private String email;

    @NotBlank
    @Size(max = 200)
    private String name;

    @Size(max = 100)
    private String region;

    @Min(0)
    @Max(200)
    private int capacity = 10;

    @Size(max = 100)
    private String panel;

    @Size(max = 200)
    private String organisation;

    private List<Long> expertise = new ArrayList<>();
    private List<Long> affiliations = new ArrayList<>();

    private Long conflictJuror;

    @NotNull
    private Long conflictNomination;

    @NotBlank
    @Size(max = 1000)
    private String conflictReason;

    private transient List<Line> lines;

    /** A CSV file of invitations larger than this is refused before it is read. */
    static final long MAX_CSV_BYTES = 1_000_000;

    /** The report of the last CSV import, one line per row of the file. */
    private List<ImportLine> report = new ArrayList<>();

    public List<Line> getLines() {
        if (lines == null) {
            Edition edition = editions.getCurrent();
            Locale locale = locale();
            Map<Long, List<Conflict>> conflicts = jurors.conflictsOfEdition(edition).stream()
                    .collect(Collectors.groupingBy(c -> c.getJuror().getId()));
            lines = jurors.ofEdition(edition).stream()
                    .map(j -> new Line(
                            j,
                            conflicts.getOrDefault(j.getId(), List.of()).stream()
                                    .map(c -> ConflictsBacking.Stated.of(c, locale))
                                    .map(s -> s.getSubject() + " — " + s.getExplanation())
                                    .toList()))
                    .toList();
        }
        return lines;
    }

    public List<Category> getCategories() {
        return editions.getCurrent().getCategories();
    }

    public List<Territory> getTerritories() {
        return territories.all();
    }

    public List<Nomination> getNominations() {
        return jurors.declarable(editions.getCurrent());
    }

    public void invite() {
        Edition edition = editions.getCurrent();
        jurors.invite(edition, email, name, region, capacity, organisation, panel, expertise, affiliations, locale());
        info("jurors.invited", email);
        email = null;
        name = null;
        region = null;
        panel = null;
        organisation = null;
        capacity = 10;
        expertise = new ArrayList<>();
        affiliations = new ArrayList<>();
        lines = null;
    }

    /**
     * Reads the uploaded CSV of juror invitations and invites each good line on its own; the report says what became
     * of every line (unknown category codes or territories are reported, not guessed).
     */
    public void importCsv(org.primefaces.event.FileUploadEvent event) {
        report = new ArrayList<>();
        var file = event.getFile();
        Locale locale = locale();
        if (file.getSize() > MAX_CSV_BYTES) {
            error("territories.import.tooBig");
            return;
        }
        List<JurorImport.Row> rows;
        try {
            rows = JurorImport.read(
                    new String(file.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (org.palmares.platform.CsvTable.Unreadable e) {
            error(e.messageKey(), e.arguments());
            return;
        } catch (java.io.IOException e) {
            error("csv.unreadable", e.getMessage());
            return;
        }
        Edition edition = editions.getCurrent();
        Map<String, Long> categories =
                edition.getCategories().stream().collect(Collectors.toMap(Category::getCode, Category::getId));
        Map<String, Long> territoryIds = territories.all().stream()
                .collect(Collectors.toMap(t -> t.getName().toLowerCase(Locale.ROOT), Territory::getId, (a, b) -> a));
        int invited = 0;
        for (JurorImport.Row row : rows) {
            List<String> problems = new ArrayList<>(
                    row.problems().stream().map(k -> Messages.get(locale, k)).toList());
            row.expertise().stream()
                    .filter(code -> !categories.containsKey(code))
                    .forEach(code -> problems.add(Messages.get(locale, "jurors.import.unknownCategory", code)));
            row.affiliations().stream()
                    .filter(name -> !territoryIds.containsKey(name.toLowerCase(Locale.ROOT)))
                    .forEach(name -> problems.add(Messages.get(locale, "jurors.import.unknownTerritory", name)));
            if (!problems.isEmpty()) {
                report.add(new ImportLine(row.line(), row.name(), row.email(), false, String.join(" ", problems)));
                continue;
            }
            try {
                jurors.invite(
                        edition,
                        row.email(),
                        row.name(),
                        blankToNull(row.region()),
                        row.capacity(),
                        blankToNull(row.organisation()),
                        blankToNull(row.panel()),
                        row.expertise().stream().map(categories::get).toList(),
                        row.affiliations().stream()
                                .map(n -> territoryIds.get(n.toLowerCase(Locale.ROOT)))
                                .toList(),
                        locale);
                invited++;
                report.add(new ImportLine(
                        row.line(), row.name(), row.email(), true, Messages.get(locale, "territories.import.ok")));
            } catch (org.palmares.platform.DomainException e) {
                report.add(new ImportLine(
                        row.line(),
                        row.name(),
                        row.email(),
                        false,
                        Messages.get(locale, e.messageKey(), e.arguments())));
            }
        }
        info("territories.import.done", invited, rows.size());
        lines = null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public List<ImportLine> getReport() {
        return report;
    }

    private void error(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.get(locale(), key, args), null));
    }

    public void addConflict() {
        if (conflictJuror == null) throw org.palmares.platform.DomainException.invalid("jurors.conflict.jurorRequired");
        jurors.recordConflict(conflictJuror, conflictNomination, ConflictKind.ORGANISER, conflictReason);
        info("jurors.conflictAdded");
        conflictReason = null;
        conflictNomination = null;
        lines = null;
    }

    private void info(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_INFO, Messages.get(locale(), key, args), null));
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** One juror of the list, with their conflicts explained. */
    public record Line(Juror juror, List<String> conflicts) implements Serializable {
        public Juror getJuror() {
            return juror;
        }

        public List<String> getConflicts() {
            return conflicts;
        }

        public String getExpertise() {
            return juror.getExpertise().stream().map(Category::getCode).sorted().collect(Collectors.joining(", "));
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public int getCapacity() {
        return capacity;
    }

    public void setCapacity(int capacity) {
        this.capacity = capacity;
    }

    public String getPanel() {
        return panel;
    }

    public void setPanel(String panel) {
        this.panel = panel;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
    }

    public List<Long> getExpertise() {
        return expertise;
    }

    public void setExpertise(List<Long> expertise) {
        this.expertise = expertise;
    }

    public List<Long> getAffiliations() {
        return affiliations;
    }

    public void setAffiliations(List<Long> affiliations) {
        this.affiliations = affiliations;
    }

    public Long getConflictJuror() {
        return conflictJuror;
    }

    public void setConflictJuror(Long conflictJuror) {
        this.conflictJuror = conflictJuror;
    }

    public Long getConflictNomination() {
        return conflictNomination;
    }

    public void setConflictNomination(Long conflictNomination) {
        this.conflictNomination = conflictNomination;
    }

    public String getConflictReason() {
        return conflictReason;
    }

    public void setConflictReason(String conflictReason) {
        this.conflictReason = conflictReason;
    }
}
