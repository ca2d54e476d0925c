package org.carelog.command.communication;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.scheduling.AppointmentId;

/** The deadline of one appointment reminder: {@code offset} (ISO-8601, e.g. PT24H) before {@code start}. */
@Revision("1")
public record AppointmentReminderDue(
        AppointmentId appointmentId,
        PatientId patientId,
        PractitionerId practitionerId,
        ServicePointId servicePointId,
        Instant start,
        String offset) {}
