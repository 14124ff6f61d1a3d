package org.palmares.account;

import java.time.Duration;

/** Why a single-use link was sent, and how long it stays valid. */
public enum TokenPurpose {
    INVITATION(Duration.ofDays(14)),
    PASSWORD_RESET(Duration.ofHours(2));

    private final Duration validity;

    TokenPurpose(Duration validity) {
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }
}
