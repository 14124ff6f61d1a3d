package org.palmares.nomination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;
import org.palmares.edition.Category;

/** An extra question of a category's nomination form, defined by the organisers. */
@Entity
public class Question {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "category_id")
    private Category category;

    @NotBlank
    @Size(max = 300)
    private String labelFr;

    @NotBlank
    @Size(max = 300)
    private String labelEn;

    @Size(max = 1000)
    private String helpFr;

    @Size(max = 1000)
    private String helpEn;

    @NotNull
    @Enumerated(EnumType.STRING)
    private QuestionKind kind = QuestionKind.TEXT;

    private boolean required;

    /** The choices of a CHOICE question, one per line. */
    @Size(max = 2000)
    private String choices;

    @Column(name = "sort_order")
    private int position;

    @Version
    private long version;

    protected Question() {}

    public Question(
            Category category, String labelFr, String labelEn, QuestionKind kind, boolean required, int position) {
        this.category = category;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
        this.kind = kind;
        this.required = required;
        this.position = position;
    }

    /** The longest answer accepted: a line for short answers, a few pages for long text. */
    public int maxLength() {
        return kind == QuestionKind.LONG_TEXT ? 10_000 : 500;
    }

    /**
     * What is wrong with an answer, as a message key, or empty when it is acceptable. A blank answer is
     * acceptable here: whether it is required is checked at submission, so drafts can be saved half-filled.
     */
    public java.util.Optional<String> problemWith(String value) {
        if (value == null || value.isBlank()) return java.util.Optional.empty();
        if (value.length() > maxLength()) return java.util.Optional.of("question.answer.tooLong");
        switch (kind) {
            case NUMBER -> {
                try {
                    new java.math.BigDecimal(value.trim().replace(',', '.'));
                } catch (NumberFormatException e) {
                    return java.util.Optional.of("question.answer.number");
                }
            }
            case DATE -> {
                try {
                    java.time.LocalDate.parse(value.trim());
                } catch (java.time.format.DateTimeParseException e) {
                    return java.util.Optional.of("question.answer.date");
                }
            }
            case CHOICE -> {
                if (!choiceList().contains(value.trim())) return java.util.Optional.of("question.answer.choice");
            }
            default -> {
                // Free text: any characters; it is escaped wherever it is shown.
            }
        }
        return java.util.Optional.empty();
    }

    public String label(java.util.Locale locale) {
        return org.palmares.platform.Messages.pick(locale, labelFr, labelEn);
    }

    public String help(java.util.Locale locale) {
        return org.palmares.platform.Messages.pick(locale, helpFr, helpEn);
    }

    public List<String> choiceList() {
        return choices == null
                ? List.of()
                : Arrays.stream(choices.split("\\R"))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    public Long getId() {
        return id;
    }

    public Category getCategory() {
        return category;
    }

    public String getLabelFr() {
        return labelFr;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public String getHelpFr() {
        return helpFr;
    }

    public void setHelpFr(String helpFr) {
        this.helpFr = helpFr;
    }

    public String getHelpEn() {
        return helpEn;
    }

    public void setHelpEn(String helpEn) {
        this.helpEn = helpEn;
    }

    public QuestionKind getKind() {
        return kind;
    }

    public boolean isRequired() {
        return required;
    }

    public String getChoices() {
        return choices;
    }

    public void setChoices(String choices) {
        this.choices = choices;
    }

    public int getPosition() {
        return position;
    }
}
