package org.carelog.api.scheduling;

/** Why a booked appointment no longer fits the practitioner's availability. */
public enum RebookingCause {
    /** The practitioner is on leave that day. */
    LEAVE,
    /** The facility declared the day a holiday. */
    HOLIDAY,
    /** The weekly availability or a one-off change no longer has the slot, or no longer a place in it. */
    AVAILABILITY_CHANGED
}
