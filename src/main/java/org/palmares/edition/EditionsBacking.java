package org.palmares.edition;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** The list of editions and the form that creates one. */
@Named
@ViewScoped
public class EditionsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EditionService editions;

    @NotBlank
    @Pattern(regexp = "[A-Z0-9]{2,20}", message = "{edition.code.pattern}")
    private String code;

    @Min(2000)
    @Max(2100)
    private int year = java.time.Year.now().getValue();

    @NotBlank
    @Size(max = 200)
    private String nameFr;

    @NotBlank
    @Size(max = 200)
    private String nameEn;

    public List<Edition> getAll() {
        return editions.all();
    }

    public void create() throws IOException {
        Edition edition = editions.create(code, year, nameFr, nameEn, "Europe/Paris");
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/organiser/edition.xhtml?id=" + edition.getId());
    }

    public void makeCurrent(long id) {
        editions.makeCurrent(id);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public String getNameFr() {
        return nameFr;
    }

    public void setNameFr(String nameFr) {
        this.nameFr = nameFr;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }
}
