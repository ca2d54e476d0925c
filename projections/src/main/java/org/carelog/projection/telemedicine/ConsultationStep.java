package org.carelog.projection.telemedicine;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.telemedicine.ConsultationState;
import org.carelog.api.telemedicine.Participant;

/** One event of a consultation with the state it left it in, when and by whom. */
public record ConsultationStep(
        String eventId,
        UUID consultationId,
        String event,
        ConsultationState state,
        Participant participant,
        String username,
        String role,
        Instant at) {}
