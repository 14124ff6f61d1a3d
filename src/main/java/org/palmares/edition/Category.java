package org.palmares.edition;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.palmares.platform.Messages;

/** A prize of an edition (e.g. "Social et environnemental", code SOC) with its ordered criteria. */
@Entity
public class Category {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "edition_id")
    private Edition edition;

    @NotBlank
    @Pattern(regexp = "[A-Z]{2,10}", message = "{category.code.pattern}")
    private String code;

    @NotBlank
    @Size(max = 200)
    private String nameFr;

    @NotBlank
    @Size(max = 200)
    private String nameEn;

    @Lob
    private String descriptionFr;

    @Lob
    private String descriptionEn;

    @Min(1)
    @Max(50)
    private int limitPerTerritory = 1;

    private boolean publicVote;

    /** Overrides the edition's number of reviews per nomination when set. */
    @Min(1)
    @Max(20)
    private Integer reviewsPerNomination;

    @Column(name = "sort_order")
    private int position;

    @Version
    private long version;

    @Valid
    @OneToMany(mappedBy = "category", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Criterion> criteria = new ArrayList<>();

    protected Category() {}

    Category(Edition edition, String code, String nameFr, String nameEn, int position) {
        this.edition = edition;
        this.code = code;
        this.nameFr = nameFr;
        this.nameEn = nameEn;
        this.position = position;
    }

    public Criterion addCriterion(String nameFr, String nameEn, int weight, int scaleMin, int scaleMax) {
        var criterion = new Criterion(this, nameFr, nameEn, weight, scaleMin, scaleMax, criteria.size());
        criteria.add(criterion);
        return criterion;
    }

    public void removeCriterion(Criterion criterion) {
        criteria.remove(criterion);
        for (int i = 0; i < criteria.size(); i++) {
            criteria.get(i).moveTo(i);
        }
    }

    void moveTo(int position) {
        this.position = position;
    }

    /** The number of reviews each nomination of this category needs. */
    public int reviewsNeeded() {
        return reviewsPerNomination != null ? reviewsPerNomination : edition.getReviewsPerNomination();
    }

    public String name(Locale locale) {
        return Messages.pick(locale, nameFr, nameEn);
    }

    public String description(Locale locale) {
        return Messages.pick(locale, descriptionFr, descriptionEn);
    }

    public Long getId() {
        return id;
    }

    public Edition getEdition() {
        return edition;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
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

    public String getDescriptionFr() {
        return descriptionFr;
    }

    public void setDescriptionFr(String v) {
        this.descriptionFr = v;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public void setDescriptionEn(String v) {
        this.descriptionEn = v;
    }

    public int getLimitPerTerritory() {
        return limitPerTerritory;
    }

    public void setLimitPerTerritory(int v) {
        this.limitPerTerritory = v;
    }

    public boolean isPublicVote() {
        return publicVote;
    }

    public void setPublicVote(boolean publicVote) {
        this.publicVote = publicVote;
    }

    public Integer getReviewsPerNomination() {
        return reviewsPerNomination;
    }

    public void setReviewsPerNomination(Integer v) {
        this.reviewsPerNomination = v;
    }

    public int getPosition() {
        return position;
    }

    public long getVersion() {
        return version;
    }

    public List<Criterion> getCriteria() {
        return criteria;
    }
}
