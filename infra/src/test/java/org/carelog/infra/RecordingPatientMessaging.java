package org.carelog.infra;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

    private final Map<String, UUID> ids = new ConcurrentHashMap<>();
    private final List<PatientMessageRequest> sent = new CopyOnWriteArrayList<>();

    @Override
    public synchronized UUID send(PatientMessageRequest request) {
        return ids.computeIfAbsent(request.deduplicationKey(), k -> {
            sent.add(request);
            return UUID.randomUUID();
        });
    }

    /** Every request, in the order sent. */
    public List<PatientMessageRequest> sent() {
        return List.copyOf(sent);
    }

    /** The requests for a patient, in the order sent. */
    public List<PatientMessageRequest> to(PatientId patient) {
        return sent.stream().filter(r -> r.patientId().equals(patient)).toList();
    }

    public int count() {
        return sent.size();
    }
}
