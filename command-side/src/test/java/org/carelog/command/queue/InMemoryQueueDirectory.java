package org.carelog.command.queue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.practitioner.ServicePointId;

/** Service points and registered patients for fixture tests. */
final class InMemoryQueueDirectory implements QueueDirectory {

    private final Map<ServicePointId, ServicePointCode> open = new HashMap<>();
    private final Set<PatientId> patients = new HashSet<>();

    InMemoryQueueDirectory servicePoint(ServicePointId id, String code) {
        open.put(id, ServicePointCode.parse(code));
        return this;
    }

    InMemoryQueueDirectory close(ServicePointId id) {
        open.remove(id);
        return this;
    }

    InMemoryQueueDirectory patient(PatientId id) {
        patients.add(id);
        return this;
    }

    @Override
    public Optional<ServicePointCode> openServicePointCode(ServicePointId servicePoint) {
        return Optional.ofNullable(open.get(servicePoint));
    }

    @Override
    public boolean patientRegistered(PatientId patient) {
        return patients.contains(patient);
    }
}
