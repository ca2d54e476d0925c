package org.carelog.command.scheduling;

import java.time.Instant;
import org.carelog.api.patient.PatientId;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentStatus;
import org.carelog.api.scheduling.DayScheduleId;

/** An appointment as the command side's booking lookup holds it: whose, where, when, in which state. */
public record PatientTime(
        AppointmentId appointmentId,
        PatientId patientId,
        DayScheduleId scheduleId,
        Instant start,
        Instant end,
        boolean walkIn,
        AppointmentStatus status) {}
