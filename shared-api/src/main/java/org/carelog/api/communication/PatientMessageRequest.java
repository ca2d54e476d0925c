package org.carelog.api.communication;

import java.util.Map;
import java.util.Set;
import org.carelog.api.patient.PatientId;

/**
 * One message another feature asks to be sent to a patient now.
 *
 * @param deduplicationKey the same key is sent at most once, ever (for example {@code otp:<challenge id>},
 *     {@code telemedicine-link:<consultation id>}); a repeated request returns the first message's id
 * @param patientId the patient it goes to; their contact details and language come from their record
 * @param kind chooses the template and whether reminder consent applies
 * @param channel the channel to use, or null for the patient's preferred one
 * @param values the template's parameters (for example {@code code}, {@code link}, {@code time})
 * @param secretValues names among {@code values} that are never stored in readable form nor shown to staff
 *     (a one-time code): the message record keeps the text with them masked
 */
public record PatientMessageRequest(
        String deduplicationKey,
        PatientId patientId,
        MessageKind kind,
        MessageChannel channel,
        Map<String, String> values,
        Set<String> secretValues) {

    public PatientMessageRequest {
        if (deduplicationKey == null || deduplicationKey.isBlank()) {
            throw new IllegalArgumentException("a deduplication key is required");
        }
        if (patientId == null || kind == null) {
            throw new IllegalArgumentException("patient and kind are required");
        }
        values = Map.copyOf(values == null ? Map.of() : values);
        secretValues = Set.copyOf(secretValues == null ? Set.of() : secretValues);
    }
}
