package org.carelog.api.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.ServicePointId;

/**
 * The patient of an appointment arrived and is waiting: the token queue of {@code servicePointId}
 * issues a token from this event.
 *
 * @param scheduledStart when the appointment's slot starts
 * @param checkedInAt when the patient was checked in
 */
@Revision("1")
public record AppointmentCheckedIn(
        AppointmentId appointmentId,
        @DataSubject PatientId patientId,
        PractitionerId practitionerId,
        ServicePointId servicePointId,
        Instant scheduledStart,
        Instant checkedInAt,
        DayScheduleId scheduleId) {}
