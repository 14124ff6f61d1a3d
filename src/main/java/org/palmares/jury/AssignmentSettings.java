package org.palmares.jury;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.palmares.edition.Edition;
import org.palmares.jury.assignment.Weights;

/** An edition's settings for the assignment of nominations to jurors, and for reminders before the scoring deadline. */
@Entity
public class AssignmentSettings {
    public static final int DEFAULT_REMINDER_DAYS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false)
    @JoinColumn(name = "edition_id")
    private Edition edition;

    @Min(0)
    @Max(1000)
    private int missingExpertise = Weights.DEFAULT.missingExpertise();

    @Min(0)
    @Max(1000)
    private int sameRegion = Weights.DEFAULT.sameRegion();

    @Min(0)
    @Max(1000)
    private int balance = Weights.DEFAULT.balance();

    @Min(0)
    @Max(60)
    private int reminderDays = DEFAULT_REMINDER_DAYS;

    @Version
    private long version;

    protected AssignmentSettings() {}

    public AssignmentSettings(Edition edition) {
        this.edition = edition;
    }

    public void change(int missingExpertise, int sameRegion, int balance, int reminderDays) {
        if (missingExpertise < 0 || sameRegion < 0 || balance < 0 || reminderDays < 0) {
            throw new IllegalArgumentException("settings cannot be negative");
        }
        this.missingExpertise = missingExpertise;
        this.sameRegion = sameRegion;
        this.balance = balance;
        this.reminderDays = reminderDays;
    }

    public Weights weights() {
        return new Weights(missingExpertise, sameRegion, balance);
    }

    public Long getId() {
        return id;
    }

    public Edition getEdition() {
        return edition;
    }

    public int getMissingExpertise() {
        return missingExpertise;
    }

    public int getSameRegion() {
        return sameRegion;
    }

    public int getBalance() {
        return balance;
    }

    public int getReminderDays() {
        return reminderDays;
    }

    public long getVersion() {
        return version;
    }
}
