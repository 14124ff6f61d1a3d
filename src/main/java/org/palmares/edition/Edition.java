package org.palmares.edition;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.palmares.platform.Messages;

/** One yearly run of an award programme, e.g. "Trophées de la Clause 2019". */
@Entity
public class Edition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = 20)
    @Pattern(regexp = "[A-Z0-9]{2,20}", message = "{edition.code.pattern}")
    private String code;

    @Column(name = "year_number")
    @Min(2000)
    @Max(2100)
    private int year;

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

    @Lob
    @Column(name = "take_part_fr")
    private String howToTakePartFr;

    @Lob
    @Column(name = "take_part_en")
    private String howToTakePartEn;

    @NotBlank
    @ValidZone
    private String timeZone = "Europe/Paris";

    @NotNull
    @Enumerated(EnumType.STRING)
    private Phase phase = Phase.SETUP;

    private LocalDateTime nominationsOpenAt;
    private LocalDateTime nominationDeadline;
    private LocalDateTime scoringDeadline;
    private LocalDateTime ceremonyAt;

    private boolean blindReview;

    /** Whether a juror must write an overall comment before submitting a sheet. */
    private boolean overallCommentRequired;

    @Min(1)
    @Max(20)
    private int reviewsPerNomination = 3;

    @Column(name = "is_current")
    private boolean current;

    private Instant createdAt;

    @Version
    private long version;

    // Written once, by the anonymisation (over JDBC): never by a form.
    @Column(insertable = false, updatable = false)
    private Instant anonymisedAt;

    @Column(insertable = false, updatable = false)
    private String anonymisedBy;

    @Column(insertable = false, updatable = false)
    private String anonymisedReason;

    @OneToMany(mappedBy = "edition", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Category> categories = new ArrayList<>();

    protected Edition() {}

    public Edition(String code, int year, String nameFr, String nameEn, String timeZone, Clock clock) {
        this.code = code;
        this.year = year;
        this.nameFr = nameFr;
        this.nameEn = nameEn;
        this.timeZone = timeZone;
        this.createdAt = clock.instant();
    }

    /** The dates, when set, follow the life of the edition: opening, nomination deadline, scoring, ceremony. */
    @jakarta.validation.constraints.AssertTrue(message = "{edition.deadlines.order}")
    public boolean isDeadlinesInOrder() {
        LocalDateTime previous = null;
        for (LocalDateTime at :
                java.util.Arrays.asList(nominationsOpenAt, nominationDeadline, scoringDeadline, ceremonyAt)) {
            if (at == null) continue;
            if (previous != null && !previous.isBefore(at)) return false;
            previous = at;
        }
        return true;
    }

    /** Adds a category at the end of the list. */
    public Category addCategory(String code, String nameFr, String nameEn) {
        var category = new Category(this, code, nameFr, nameEn, categories.size());
        categories.add(category);
        return category;
    }

    public void removeCategory(Category category) {
        categories.remove(category);
        for (int i = 0; i < categories.size(); i++) {
            categories.get(i).moveTo(i);
        }
    }

    /** Moves to the next phase; the caller has checked {@link PhaseRules}. */
    public Phase advance() {
        phase = phase.next().orElseThrow(() -> new IllegalStateException("The last phase has no successor"));
        return phase;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Optional<Deadline> nominationDeadline() {
        return Optional.ofNullable(nominationDeadline).map(d -> new Deadline(d, zone()));
    }

    public Optional<Deadline> scoringDeadline() {
        return Optional.ofNullable(scoringDeadline).map(d -> new Deadline(d, zone()));
    }

    /** Nominations may be created or changed: the phase is open and the deadline has not passed. */
    public boolean acceptsNominations(Clock clock) {
        return phase == Phase.NOMINATIONS_OPEN
                && nominationDeadline().map(d -> !d.isPassed(clock)).orElse(false);
    }

    public String name(Locale locale) {
        return Messages.pick(locale, nameFr, nameEn);
    }

    public String description(Locale locale) {
        return Messages.pick(locale, descriptionFr, descriptionEn);
    }

    public String howToTakePart(Locale locale) {
        return Messages.pick(locale, howToTakePartFr, howToTakePartEn);
    }

    public Long getId() {
        return id;
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

    public String getHowToTakePartFr() {
        return howToTakePartFr;
    }

    public void setHowToTakePartFr(String v) {
        this.howToTakePartFr = v;
    }

    public String getHowToTakePartEn() {
        return howToTakePartEn;
    }

    public void setHowToTakePartEn(String v) {
        this.howToTakePartEn = v;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Phase getPhase() {
        return phase;
    }

    public LocalDateTime getNominationsOpenAt() {
        return nominationsOpenAt;
    }

    public void setNominationsOpenAt(LocalDateTime v) {
        this.nominationsOpenAt = v;
    }

    public LocalDateTime getNominationDeadline() {
        return nominationDeadline;
    }

    public void setNominationDeadline(LocalDateTime v) {
        this.nominationDeadline = v;
    }

    public LocalDateTime getScoringDeadline() {
        return scoringDeadline;
    }

    public void setScoringDeadline(LocalDateTime v) {
        this.scoringDeadline = v;
    }

    public LocalDateTime getCeremonyAt() {
        return ceremonyAt;
    }

    public void setCeremonyAt(LocalDateTime v) {
        this.ceremonyAt = v;
    }

    public boolean isOverallCommentRequired() {
        return overallCommentRequired;
    }

    public void setOverallCommentRequired(boolean overallCommentRequired) {
        this.overallCommentRequired = overallCommentRequired;
    }

    public boolean isBlindReview() {
        return blindReview;
    }

    public void setBlindReview(boolean blindReview) {
        this.blindReview = blindReview;
    }

    public int getReviewsPerNomination() {
        return reviewsPerNomination;
    }

    public void setReviewsPerNomination(int r) {
        this.reviewsPerNomination = r;
    }

    public boolean isCurrent() {
        return current;
    }

    public void setCurrent(boolean current) {
        this.current = current;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getAnonymisedAt() {
        return anonymisedAt;
    }

    public String getAnonymisedBy() {
        return anonymisedBy;
    }

    public String getAnonymisedReason() {
        return anonymisedReason;
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    public long getVersion() {
        return version;
    }

    public List<Category> getCategories() {
        return categories;
    }
}
