package org.carelog.projection.communication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carelog.api.communication.PatientMessageRecord;
import org.carelog.api.patient.PatientId;

/**
 * The record of messages to patients as staff read it (implemented in infra over {@code communication_message},
 * which the sending pipeline writes; it is not rebuilt from events). Texts come decrypted with secrets masked.
 */
public interface PatientMessages {

    /**
     * At most {@code limit} of the patient's messages, newest first, after the cursor ({@code before},
     * {@code beforeId}: the last message of the previous page; null for the first page).
     */
    List<PatientMessageRecord> ofPatient(PatientId patientId, Instant before, UUID beforeId, int limit);
}
