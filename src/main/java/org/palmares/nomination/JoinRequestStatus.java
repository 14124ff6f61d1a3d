package org.palmares.nomination;

/** Where a territory's request to join stands. */
public enum JoinRequestStatus {
    PENDING,
    APPROVED,
    REJECTED
}
