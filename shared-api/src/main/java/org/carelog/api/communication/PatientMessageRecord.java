package org.carelog.api.communication;

import java.time.Instant;
import java.util.UUID;
import org.carelog.api.patient.PatientId;

/**
 * One message to a patient as staff see it: the text with secret values masked (null once the patient is erased),
 * its decision, status, attempts and the gateway's last answer.
 */
public record PatientMessageRecord(
        UUID messageId,
        PatientId patientId,
        MessageKind kind,
        MessageChannel channel,
        String language,
        MessageStatus status,
        MessageDecision decision,
        String address,
        String text,
        Integer segments,
        int attempts,
        String gatewayMessageId,
        String gatewayAnswer,
        UUID resendOf,
        String requestedBy,
        Instant createdAt,
        Instant sentAt,
        Instant deliveredAt,
        Instant failedAt) {}
