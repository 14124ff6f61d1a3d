package org.palmares.nomination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * The last reference number given in a category. Read with a pessimistic lock in the submitting transaction,
 * so concurrent first submissions get consecutive numbers without gaps.
 */
@Entity
public class ReferenceCounter {
    @Id
    @Column(name = "category_id")
    private Long categoryId;

    private int lastNumber;

    protected ReferenceCounter() {}

    public ReferenceCounter(Long categoryId) {
        this.categoryId = categoryId;
    }

    public int next() {
        return ++lastNumber;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public int getLastNumber() {
        return lastNumber;
    }

    /** The reference of the given number: edition code, category code, number on three digits. */
    public static String format(String editionCode, String categoryCode, int number) {
        return String.format("%s-%s-%03d", editionCode, categoryCode, number);
    }
}
