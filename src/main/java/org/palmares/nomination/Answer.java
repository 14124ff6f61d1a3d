package org.palmares.nomination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;

/** A nomination's answer to one extra question of its category. */
@Entity
public class Answer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "nomination_id")
    private Nomination nomination;

    @ManyToOne(optional = false)
    @JoinColumn(name = "question_id")
    private Question question;

    @Lob
    @Column(name = "answer_value")
    private String value;

    protected Answer() {}

    public Answer(Nomination nomination, Question question, String value) {
        this.nomination = nomination;
        this.question = question;
        this.value = value;
    }

    public boolean isBlank() {
        return value == null || value.isBlank();
    }

    public Long getId() {
        return id;
    }

    public Nomination getNomination() {
        return nomination;
    }

    public Question getQuestion() {
        return question;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
