package org.carelog.api.scheduling;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;

/**
 * The availability changed under a booked appointment (leave, a holiday, a changed session): the
 * appointment stays booked, and the front desk must agree a new time with the patient.
 */
@Revision("1")
public record AppointmentNeedsRebooking(
        DayScheduleId scheduleId,
        AppointmentId appointmentId,
        @DataSubject PatientId patientId,
        RebookingCause cause) {}
