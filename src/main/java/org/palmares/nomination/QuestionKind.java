package org.palmares.nomination;

/** The kinds of extra question an organiser can add to a category's nomination form. */
public enum QuestionKind {
    TEXT,
    LONG_TEXT,
    NUMBER,
    CHOICE,
    DATE
}
