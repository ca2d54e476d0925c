package org.carelog.command.clinical;

import java.util.Optional;
import java.util.UUID;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.queue.TokenId;
import org.carelog.api.queue.TokenStatus;

/**
 * What opening an encounter needs to know beyond its own events, read in the command's transaction from
 * command-side tables: the appointment's booking (kept by scheduling in its commands' transactions), tokens and
 * encounters (kept by {@link EncounterLookupUpdater}, subscribing), patients and practitioners.
 */
public interface EncounterRegistry extends Encounters {

    /** A booked appointment: whose, with whom, and its status name (BOOKED, CHECKED_IN, COMPLETED...). */
    record Appointment(UUID appointmentId, PatientId patientId, PractitionerId practitionerId, String status) {}

    /** A token: whose (possibly a walk-in's reserved id), for which appointment (or null), where it stands. */
    record Token(TokenId tokenId, PatientId patientId, UUID appointmentId, TokenStatus status) {}

    Optional<Appointment> appointment(UUID appointmentId);

    Optional<Token> token(TokenId token);

    /** Whether the patient is registered and not erased. */
    boolean patientRegistered(PatientId patient);

    /** The practitioner's role; empty when there is no such practitioner. */
    Optional<PractitionerRole> practitionerRole(PractitionerId practitioner);

    // --- kept in the transaction of the events ---

    void recordEncounter(EncounterId encounter, PatientId patient, PractitionerId attending);

    void recordEncounterStatus(EncounterId encounter, EncounterStatus status);

    void recordToken(TokenId token, PatientId patient, UUID appointmentId);

    void recordTokenStatus(TokenId token, TokenStatus status);

    void recordTokenPatient(TokenId token, PatientId patient);
}
