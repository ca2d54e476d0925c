package org.carelog.command.queue;

import java.time.OffsetDateTime;
import org.carelog.api.queue.CallReason;

/** GraphQL inputs and payloads of the token queue mutations, as the schema declares them. */
final class QueueInputs {

    private QueueInputs() {}

    record WalkInInput(String nameBn, String nameEn, String phone) {}

    record AppointmentInput(String appointmentId, OffsetDateTime scheduledStart) {}

    record IssueTokenInput(
            String idempotencyKey,
            String servicePointId,
            String patientId,
            WalkInInput walkIn,
            String priority,
            AppointmentInput appointment) {}

    record CallNextTokenInput(String idempotencyKey, String servicePointId, String counter) {}

    record TokenActionInput(String idempotencyKey, String tokenId) {}

    record TransferTokenInput(String idempotencyKey, String tokenId, String targetServicePointId, String priority) {}

    record AssignTokenCounterInput(String idempotencyKey, String tokenId, String counter) {}

    record LinkTokenToPatientInput(String idempotencyKey, String tokenId, String patientId) {}

    record IssueTokenPayload(String tokenId, String label, String patientId, String journeyId) {}

    record CallNextTokenPayload(String tokenId, String label, CallReason reason, String counter) {}

    record TokenPayload(String tokenId) {}
}
