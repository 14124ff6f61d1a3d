package org.palmares.edition;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.palmares.platform.Messages;

/** The organiser's page of one category: its settings and its criteria with their anchors. */
@Named
@ViewScoped
public class CategoryBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient EditionService editions;

    private Long id;
    private Category category;

    @NotBlank
    @Size(max = 200)
    private String newNameFr;

    @NotBlank
    @Size(max = 200)
    private String newNameEn;

    @Min(value = 1, message = "{criterion.weight.positive}")
    @Max(100)
    private int newWeight = 1;

    public void onLoad() {
        if (id == null) throw org.palmares.platform.DomainException.notFound("category");
        category = editions.getCategory(id);
    }

    public void save() {
        editions.updateCategory(category);
        for (Criterion criterion : category.getCriteria()) {
            editions.updateCriterion(criterion);
        }
        onLoad();
        info("category.saved");
    }

    public void addCriterion() {
        Criterion criterion = editions.addCriterion(id, newNameFr, newNameEn, newWeight, 1, 5);
        newNameFr = null;
        newNameEn = null;
        newWeight = 1;
        onLoad();
        info("criterion.created", criterion.getNameFr());
    }

    public void removeCriterion(long criterionId) {
        editions.removeCriterion(criterionId);
        onLoad();
        info("criterion.deleted");
    }

    /** Adds the missing anchors of a criterion's scale so the organiser can fill them in. */
    public void completeAnchors(Criterion criterion) {
        for (int v = criterion.getScaleMin(); v <= criterion.getScaleMax(); v++) {
            final int value = v;
            if (criterion.getAnchors().stream().noneMatch(a -> a.getValue() == value)) {
                criterion.anchor(value, "", "");
            }
        }
    }

    private void info(String key, Object... args) {
        var context = FacesContext.getCurrentInstance();
        context.addMessage(
                null,
                new FacesMessage(
                        FacesMessage.SEVERITY_INFO,
                        Messages.get(context.getViewRoot().getLocale(), key, args),
                        null));
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Category getCategory() {
        return category;
    }

    public String getNewNameFr() {
        return newNameFr;
    }

    public void setNewNameFr(String v) {
        this.newNameFr = v;
    }

    public String getNewNameEn() {
        return newNameEn;
    }

    public void setNewNameEn(String v) {
        this.newNameEn = v;
    }

    public int getNewWeight() {
        return newWeight;
    }

    public void setNewWeight(int v) {
        this.newWeight = v;
    }
}
