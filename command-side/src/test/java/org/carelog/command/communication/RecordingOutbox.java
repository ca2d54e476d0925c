package org.carelog.command.communication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.carelog.api.communication.PatientMessageRequest;

/** Remembers what the sagas queued and withdrew. */
class RecordingOutbox implements ReminderOutbox {

    record Queued(PatientMessageRequest request, Instant expiresAt) {}

    final List<Queued> queued = new ArrayList<>();
    final List<String> withdrawn = new ArrayList<>();

    @Override
    public void queue(PatientMessageRequest reminder, Instant expiresAt) {
        queued.add(new Queued(reminder, expiresAt));
    }

    @Override
    public void withdraw(String deduplicationKey) {
        withdrawn.add(deduplicationKey);
    }
}
