package org.carelog.command.telemedicine;

import java.time.OffsetDateTime;
import org.carelog.api.telemedicine.Participant;

/** GraphQL inputs and payloads of the telemedicine mutations, as the schema declares them. */
final class TelemedicineInputs {

    private TelemedicineInputs() {}

    record ConsultationActionInput(String idempotencyKey, String consultationId) {}

    record RecordTelemedicineConsentInput(String idempotencyKey, String consultationId, Participant givenBy) {}

    record NameConsultationCaregiverInput(
            String idempotencyKey, String consultationId, String name, String relationship) {}

    record ConsultationPayload(String consultationId) {}

    record JoinConsultationPayload(String consultationId, String encounterId, String url, OffsetDateTime validUntil) {}
}
