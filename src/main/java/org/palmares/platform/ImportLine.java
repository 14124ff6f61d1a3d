package org.palmares.platform;

import java.io.Serializable;

/** What became of one line of an imported CSV file, for the report shown to the organiser. */
public record ImportLine(long line, String name, String email, boolean ok, String outcome) implements Serializable {
    public long getLine() {
        return line;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public boolean isOk() {
        return ok;
    }

    public String getOutcome() {
        return outcome;
    }
}
