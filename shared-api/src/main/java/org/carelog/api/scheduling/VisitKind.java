package org.carelog.api.scheduling;

/** Which consultation fee applies: billing reads it from the booking. */
public enum VisitKind {
    NEW_VISIT,
    FOLLOW_UP
}
