package org.carelog.projection.telemedicine;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.telemedicine.ConsentMethod;
import org.carelog.api.telemedicine.Participant;

/** A patient's telemedicine consent: how, given by whom, recorded by which account, when. */
public record ConsentRow(
        UUID patientId,
        UUID consultationId,
        ConsentMethod method,
        Participant givenBy,
        String recordedBy,
        String recordedRole,
        Instant recordedAt) {}
