package org.carelog.api.clinical;

import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;

/**
 * An encounter (visit) opened: from a checked-in appointment, a called token, or directly (emergency, direct
 * walk-in). When it came from a token that was issued for an appointment, both are named.
 *
 * @param appointmentId the checked-in appointment, or null
 * @param tokenId the called token ({@code TokenId} text form), or null
 * @param attending the attending clinician, the only one who may sign it
 */
@Revision("1")
public record EncounterOpened(
        @DataSubject PatientId patientId,
        EncounterId encounterId,
        EncounterType type,
        EncounterOrigin origin,
        UUID appointmentId,
        String tokenId,
        PractitionerId attending)
        implements EncounterEvent {}
