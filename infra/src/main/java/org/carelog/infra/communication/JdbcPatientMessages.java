package org.carelog.infra.communication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carelog.api.communication.PatientMessageRecord;
import org.carelog.api.patient.PatientId;
import org.carelog.projection.communication.PatientMessages;

/** Staff's view of {@code communication_message}: the masked text and address decrypted with the patient's key. */
final class JdbcPatientMessages implements PatientMessages {

    private final MessageStore store;
    private final MessageContents contents;

    JdbcPatientMessages(MessageStore store, MessageContents contents) {
        this.store = store;
        this.contents = contents;
    }

    @Override
    public List<PatientMessageRecord> ofPatient(PatientId patientId, Instant before, UUID beforeId, int limit) {
        return store.ofPatient(patientId.value(), before, beforeId, limit).stream()
                .map(this::record)
                .toList();
    }

    private PatientMessageRecord record(MessageStore.Stored m) {
        MessageContents.Displayed shown = contents.open(m.display(), MessageContents.Displayed.class);
        return new PatientMessageRecord(
                m.messageId(),
                new PatientId(m.patientId()),
                m.kind(),
                m.channel(),
                m.language(),
                m.status(),
                m.decision(),
                shown == null ? null : shown.address(),
                shown == null ? null : shown.text(),
                m.segments(),
                m.attempts(),
                m.gatewayMessageId(),
                m.gatewayAnswer(),
                m.resendOf(),
                m.requestedBy(),
                m.createdAt(),
                m.sentAt(),
                m.deliveredAt(),
                m.failedAt());
    }
}
