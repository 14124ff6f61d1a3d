package org.palmares.nomination;

/**
 * An account became a member of a territory (an organiser added it, or it accepted a colleague's invitation). Fired in
 * the joining transaction, so what other features do about it (the jury records the juror's conflict of interest at
 * once) commits or fails with the membership itself.
 */
public record TerritoryMemberJoined(long territoryId, long accountId) {}
