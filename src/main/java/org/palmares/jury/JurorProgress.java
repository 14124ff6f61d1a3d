package org.palmares.jury;

import java.time.Instant;

/**
 * Where a juror stands in the scoring: dossiers assigned, sheets started (draft) and submitted, last login.
 *
 * @param lastSeen the last login, or {@code null} when the juror never logged in
 */
public record JurorProgress(
        long jurorId,
        String name,
        String email,
        String locale,
        int assigned,
        int started,
        int submitted,
        Instant lastSeen) {

    /** Sheets not yet submitted, started or not. */
    public int remaining() {
        return Math.max(0, assigned - submitted);
    }

    public boolean unfinished() {
        return remaining() > 0;
    }

    public int notStarted() {
        return Math.max(0, assigned - started - submitted);
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public long getJurorId() {
        return jurorId;
    }

    public int getAssigned() {
        return assigned;
    }

    public int getStarted() {
        return started;
    }

    public int getSubmitted() {
        return submitted;
    }

    public int getRemaining() {
        return remaining();
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public boolean isUnfinished() {
        return unfinished();
    }
}
