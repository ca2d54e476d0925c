package org.carelog.api.scheduling;

import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;

/** A booked appointment was cancelled; its place is free again. */
@Revision("1")
public record AppointmentCancelled(
        DayScheduleId scheduleId,
        AppointmentId appointmentId,
        @DataSubject PatientId patientId,
        CancelledBy cancelledBy,
        @PersonalData String reason) {}
