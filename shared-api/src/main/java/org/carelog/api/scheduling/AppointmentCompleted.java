package org.carelog.api.scheduling;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;

/** The practitioner saw the patient. */
@Revision("1")
public record AppointmentCompleted(
        DayScheduleId scheduleId, AppointmentId appointmentId, @DataSubject PatientId patientId) {}
