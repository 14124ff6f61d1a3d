package org.palmares.jury;

/** Who made an assignment: the solver or an organiser by hand. */
public enum AssignmentSource {
    AUTO,
    MANUAL
}
