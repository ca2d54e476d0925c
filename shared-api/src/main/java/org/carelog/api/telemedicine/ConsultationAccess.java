package org.carelog.api.telemedicine;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;

/**
 * A join the consultation allowed: what the video adapter needs to let that participant into the room, and until
 * when.
 *
 * @param windowOpens the participant's credential is not valid before this
 * @param windowCloses nor after this
 */
public record ConsultationAccess(
        ConsultationId consultationId,
        PatientId patientId,
        PractitionerId practitionerId,
        UUID appointmentId,
        String room,
        Participant participant,
        Instant windowOpens,
        Instant windowCloses) {}
