package org.carelog.api.scheduling;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** A booked appointment moved to {@code newAppointmentId}; its old place is free again. */
@Revision("1")
public record AppointmentRescheduled(
        DayScheduleId scheduleId,
        AppointmentId appointmentId,
        @DataSubject PatientId patientId,
        DayScheduleId newScheduleId,
        AppointmentId newAppointmentId,
        @PersonalData String reason) {}
