package org.carelog.api.scheduling;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;

/** The day closed without the patient checking in. */
@Revision("1")
public record AppointmentMarkedNoShow(
        DayScheduleId scheduleId, AppointmentId appointmentId, @DataSubject PatientId patientId) {}
