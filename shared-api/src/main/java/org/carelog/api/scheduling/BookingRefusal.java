package org.carelog.api.scheduling;

import java.util.LinkedHashMap;
import java.util.Map;
import org.carelog.api.common.CarelogException;

/**
 * Why a booking was refused with CONFLICT; clients read it from {@code extensions.reason}, next to
 * {@code extensions.alternatives}.
 */
public enum BookingRefusal {
    SLOT_FULL,
    NOT_A_SLOT,
    SLOT_PASSED,
    TYPE_NOT_OFFERED,
    ON_LEAVE,
    HOLIDAY,
    OFF_DAY,
    REGISTRATION_LAPSED,
    PATIENT_OVERLAP,
    SERVICE_POINT_CLOSED,
    NO_FITTING_SLOT;

    public static BookingRefusal of(DayClosure closure) {
        return switch (closure) {
            case ON_LEAVE -> ON_LEAVE;
            case HOLIDAY -> HOLIDAY;
            case OFF_DAY -> OFF_DAY;
            case OPEN -> NOT_A_SLOT;
        };
    }

    /** A CONFLICT naming this reason and the day schedule it concerns. */
    public CarelogException conflict(String message, DayScheduleId schedule) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("reason", name());
        if (schedule != null) {
            extensions.put("practitionerId", schedule.practitionerId().toString());
            extensions.put("date", schedule.date().toString());
        }
        return CarelogException.conflict(message, extensions);
    }

    /** The refusal a CONFLICT carries, or null when it is not a booking refusal. */
    public static BookingRefusal in(Map<String, Object> extensions) {
        Object reason = extensions.get("reason");
        if (reason == null) {
            return null;
        }
        try {
            return valueOf(reason.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
