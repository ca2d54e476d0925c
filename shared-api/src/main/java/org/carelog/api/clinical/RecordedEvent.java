package org.carelog.api.clinical;

import java.time.Instant;

/**
 * One stored event of a patient's record, decrypted, with who caused it: the material of
 * {@code recordHistory} and of charts reconstructed {@code asOf} an instant.
 *
 * @param globalIndex the event's position in the store (orders events of different aggregates)
 * @param at when it was stored
 * @param payload the event; its personal data components are null when the patient was erased
 * @param username who sent the command, from the event's metadata (null for the system)
 * @param role the role they acted in
 * @param requestId the request the command came from
 */
public record RecordedEvent(
        long globalIndex, Instant at, PatientRecordEvent payload, String username, String role, String requestId) {}
