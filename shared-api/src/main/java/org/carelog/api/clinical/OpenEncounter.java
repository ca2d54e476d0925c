package org.carelog.api.clinical;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.queue.TokenId;

/**
 * Opens an encounter from exactly one of: a checked-in appointment, a called token, or a patient (directly).
 * The id is {@link EncounterIds derived} for appointments and tokens, so a repeat finds the same encounter. The
 * attending clinician is {@code practitionerId}, or the sender's own practitioner. Answers the {@link EncounterId}.
 */
public record OpenEncounter(
        @TargetAggregateIdentifier EncounterId encounterId,
        EncounterType type,
        UUID appointmentId,
        TokenId tokenId,
        PatientId patientId,
        PractitionerId practitionerId) {}
