package org.carelog.api.scheduling;

import java.time.Instant;

/**
 * Moves a booked appointment to another slot (of the same or another practitioner and day) in one
 * transaction: the new slot is booked as {@code newAppointmentId} and the old place freed, or nothing
 * changes.
 */
public record RescheduleAppointment(
        DayScheduleId scheduleId,
        AppointmentId appointmentId,
        DayScheduleId newScheduleId,
        AppointmentId newAppointmentId,
        Instant newSlotStart,
        AppointmentType type,
        String reason) {}
