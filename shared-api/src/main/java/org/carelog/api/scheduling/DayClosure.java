package org.carelog.api.scheduling;

/** Why a practitioner has no slots on a day, or {@link #OPEN} when the day's sessions apply. */
public enum DayClosure {
    OPEN,
    ON_LEAVE,
    HOLIDAY,
    OFF_DAY;

    /** The rebooking cause when bookings of the day meet this closure. */
    public RebookingCause cause() {
        return switch (this) {
            case ON_LEAVE -> RebookingCause.LEAVE;
            case HOLIDAY -> RebookingCause.HOLIDAY;
            default -> RebookingCause.AVAILABILITY_CHANGED;
        };
    }
}
