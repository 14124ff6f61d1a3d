package org.palmares.jury;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.palmares.edition.Edition;
import org.palmares.jury.assignment.Pair;

/** One saved run of the assignment solver: who ran it, when, its objective, and every pair it left in place. */
@Entity
public class AssignmentRun {
    /** A full run keeps only locked, manual and started assignments; filling the gaps keeps every current one. */
    public enum Mode {
        FULL,
        FILL_GAPS
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "edition_id")
    private Edition edition;

    private Instant runAt;

    private String runBy;

    @Enumerated(EnumType.STRING)
    private Mode runMode;

    private String status;

    private long objective;

    private int added;

    private int removed;

    private String summary;

    /** "juror:nomination" ids, one pair a line, sorted: what the next run compares itself with. */
    @Lob
    private String pairs;

    protected AssignmentRun() {}

    public AssignmentRun(
            Edition edition,
            Instant at,
            String by,
            Mode mode,
            String status,
            long objective,
            int added,
            int removed,
            String summary,
            SortedSet<Pair> pairs) {
        this.edition = edition;
        this.runAt = at;
        this.runBy = by;
        this.runMode = mode;
        this.status = status;
        this.objective = objective;
        this.added = added;
        this.removed = removed;
        this.summary = summary;
        this.pairs =
                pairs.stream().map(p -> p.jurorId() + ":" + p.nominationId()).collect(Collectors.joining("\n"));
    }

    public SortedSet<Pair> pairs() {
        SortedSet<Pair> set = new TreeSet<>();
        if (pairs == null || pairs.isBlank()) return set;
        Arrays.stream(pairs.split("\n")).map(line -> line.split(":")).forEach(p -> set.add(Pair.of(p[0], p[1])));
        return set;
    }

    public Long getId() {
        return id;
    }

    public Edition getEdition() {
        return edition;
    }

    public Instant getRunAt() {
        return runAt;
    }

    public String getRunBy() {
        return runBy;
    }

    public Mode getRunMode() {
        return runMode;
    }

    public String getStatus() {
        return status;
    }

    public long getObjective() {
        return objective;
    }

    public int getAdded() {
        return added;
    }

    public int getRemoved() {
        return removed;
    }

    public String getSummary() {
        return summary;
    }
}
