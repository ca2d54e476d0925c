package org.carelog.infra;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carelog.api.communication.PatientMessageRequest;
import org.carelog.api.communication.PatientMessaging;
import org.springframework.stereotype.Component;

/**
 * TEST ONLY: stands in for the communication feature's messaging until it is merged (the lead replaces it with
 * the real pipeline). Records every request in memory, so tests can read a one-time code or see a notice.
 */
@Component
public class RecordingPatientMessaging implements PatientMessaging {

    private final List<PatientMessageRequest> sent = new CopyOnWriteArrayList<>();

    @Override
    public UUID send(PatientMessageRequest request) {
        sent.add(request);
        return UUID.nameUUIDFromBytes(request.deduplicationKey().getBytes());
    }

    public List<PatientMessageRequest> sent() {
        return List.copyOf(sent);
    }
}
