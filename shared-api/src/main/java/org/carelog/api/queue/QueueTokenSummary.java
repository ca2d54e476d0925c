package org.carelog.api.queue;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A token as staff see it in a queue or a journey. {@code walkInName*} and {@code walkInPhone} are set
 * for a walk-in not registered yet; {@code estimatedWaitSeconds} while it waits.
 */
public record QueueTokenSummary(
        String tokenId,
        String label,
        String servicePointId,
        LocalDate date,
        int number,
        TokenStatus status,
        String priority,
        String appointmentId,
        Instant appointmentStart,
        String patientId,
        String walkInNameBn,
        String walkInNameEn,
        String walkInPhone,
        String journeyId,
        String transferredFrom,
        String transferredTo,
        String counter,
        CallReason callReason,
        int calls,
        Instant issuedAt,
        Instant calledAt,
        Instant serviceStartedAt,
        Instant serviceFinishedAt,
        Integer estimatedWaitSeconds) {}
