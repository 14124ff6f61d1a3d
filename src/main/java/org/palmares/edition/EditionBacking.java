package org.palmares.edition;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import org.palmares.platform.Messages;

/** The organiser's page of one edition: its settings, its categories, and the move to the next phase. */
@Named
@ViewScoped
public class EditionBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EditionService editions;

    private Long id;
    private Edition edition;
    private List<String> missing;

    @NotBlank
    @Pattern(regexp = "[A-Z]{2,10}", message = "{category.code.pattern}")
    private String newCode;

    @NotBlank
    @Size(max = 200)
    private String newNameFr;

    @NotBlank
    @Size(max = 200)
    private String newNameEn;

    public void onLoad() {
        edition = id == null ? editions.getCurrent() : editions.get(id);
        id = edition.getId();
        missing = editions.missingToAdvance(edition);
    }

    public void save() {
        edition = editions.update(edition);
        missing = editions.missingToAdvance(edition);
        info("edition.saved");
    }

    public void addCategory() {
        editions.addCategory(id, newCode, newNameFr, newNameEn);
        newCode = null;
        newNameFr = null;
        newNameEn = null;
        onLoad();
        info("category.created");
    }

    public void removeCategory(long categoryId) {
        editions.removeCategory(categoryId);
        onLoad();
        info("category.deleted");
    }

    public void advance() {
        Phase phase = editions.advance(id);
        onLoad();
        info("phase.advanced", Messages.get(locale(), "phase." + phase.name()));
    }

    public List<String> getZones() {
        return ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc"))
                .sorted()
                .toList();
    }

    public Phase[] getPhases() {
        return Phase.values();
    }

    public String getNextPhase() {
        return edition.getPhase().next().map(Enum::name).orElse(null);
    }

    private void info(String key, Object... args) {
        FacesContext.getCurrentInstance()
                .addMessage(
                        null, new FacesMessage(FacesMessage.SEVERITY_INFO, Messages.get(locale(), key, args), null));
    }

    private static java.util.Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Edition getEdition() {
        return edition;
    }

    public List<String> getMissing() {
        return missing;
    }

    public String getNewCode() {
        return newCode;
    }

    public void setNewCode(String newCode) {
        this.newCode = newCode;
    }

    public String getNewNameFr() {
        return newNameFr;
    }

    public void setNewNameFr(String newNameFr) {
        this.newNameFr = newNameFr;
    }

    public String getNewNameEn() {
        return newNameEn;
    }

    public void setNewNameEn(String newNameEn) {
        this.newNameEn = newNameEn;
    }
}
