package org.carelog.infra;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.carelog.api.communication.PatientMessageRequest;
import org.carelog.api.communication.PatientMessaging;
import org.carelog.api.patient.PatientId;
import org.springframework.stereotype.Component;

/**
 * Test only, until the communication feature is merged: records what features ask to send to patients, so tests
 * read the links and codes a patient would receive. Deduplicates by key as the port promises.
 */
@Component
public class RecordingPatientMessaging implements PatientMessaging {

    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    /** One request and the id it got. */
    public record Sent(UUID messageId, PatientMessageRequest request) {}

    @Override
    public UUID send(PatientMessageRequest request) {
        return sent.computeIfAbsent(request.deduplicationKey(), k -> new Sent(UUID.randomUUID(), request))
                .messageId();
    }

    /** The requests for a patient, in no particular order. */
    public List<PatientMessageRequest> to(PatientId patient) {
        return sent.values().stream()
                .map(Sent::request)
                .filter(r -> r.patientId().equals(patient))
                .toList();
    }

    public int count() {
        return sent.size();
    }
}
