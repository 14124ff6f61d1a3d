package org.palmares.edition;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.palmares.platform.Messages;

/** One thing jurors score, with a weight, a scale and anchor texts saying what points of the scale mean. */
@Entity
public class Criterion {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    @NotBlank
    @Size(max = 200)
    private String nameFr;

    @NotBlank
    @Size(max = 200)
    private String nameEn;

    @Min(value = 1, message = "{criterion.weight.positive}")
    @Max(100)
    private int weight = 1;

    @Min(0)
    @Max(100)
    private int scaleMin = 1;

    @Min(1)
    @Max(100)
    private int scaleMax = 5;

    @Min(1)
    @Max(100)
    private int tieBreakPriority = 1;

    @Column(name = "sort_order")
    private int position;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "criterion_anchor", joinColumns = @JoinColumn(name = "criterion_id"))
    @OrderBy("value")
    private List<Anchor> anchors = new ArrayList<>();

    protected Criterion() {}

    Criterion(Category category, String nameFr, String nameEn, int weight, int scaleMin, int scaleMax, int position) {
        this.category = category;
        this.nameFr = nameFr;
        this.nameEn = nameEn;
        this.weight = weight;
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
        this.position = position;
        this.tieBreakPriority = position + 1;
    }

    @AssertTrue(message = "{criterion.scale.order}")
    public boolean isScaleOrdered() {
        return scaleMin < scaleMax;
    }

    /** Sets (or replaces) what a value of the scale means. */
    public void anchor(int value, String textFr, String textEn) {
        if (value < scaleMin || value > scaleMax) {
            throw new IllegalArgumentException(
                    "Anchor " + value + " is outside the scale " + scaleMin + "–" + scaleMax);
        }
        anchors.removeIf(a -> a.getValue() == value);
        anchors.add(new Anchor(value, textFr, textEn));
        anchors.sort(java.util.Comparator.comparingInt(Anchor::getValue));
    }

    public boolean accepts(int value) {
        return value >= scaleMin && value <= scaleMax;
    }

    void moveTo(int position) {
        this.position = position;
    }

    public String name(Locale locale) {
        return Messages.pick(locale, nameFr, nameEn);
    }

    public Long getId() {
        return id;
    }

    public Category getCategory() {
        return category;
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

    public int getWeight() {
        return weight;
    }

    public void setWeight(int weight) {
        this.weight = weight;
    }

    public int getScaleMin() {
        return scaleMin;
    }

    public void setScaleMin(int scaleMin) {
        this.scaleMin = scaleMin;
    }

    public int getScaleMax() {
        return scaleMax;
    }

    public void setScaleMax(int scaleMax) {
        this.scaleMax = scaleMax;
    }

    public int getTieBreakPriority() {
        return tieBreakPriority;
    }

    public void setTieBreakPriority(int p) {
        this.tieBreakPriority = p;
    }

    public int getPosition() {
        return position;
    }

    public long getVersion() {
        return version;
    }

    public List<Anchor> getAnchors() {
        return anchors;
    }
}
