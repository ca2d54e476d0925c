package org.carelog.command.telemedicine;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.patient.PatientId;
import org.carelog.api.telemedicine.ConsentMethod;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.api.telemedicine.ConsultationState;

/** The consents a fixture's consultation sees; nothing else is read by the aggregate. */
final class InMemoryConsultationRegistry implements ConsultationRegistry {

    private final Set<PatientId> consented = new HashSet<>();

    InMemoryConsultationRegistry consentedBefore(PatientId patient) {
        consented.add(patient);
        return this;
    }

    @Override
    public Optional<ConsultationFacts> find(ConsultationId consultation) {
        return Optional.empty();
    }

    @Override
    public Optional<ConsultationFacts> byAppointment(UUID appointmentId) {
        return Optional.empty();
    }

    @Override
    public Optional<ConsultationFacts> byEncounter(EncounterId encounter) {
        return Optional.empty();
    }

    @Override
    public boolean consented(PatientId patient) {
        return consented.contains(patient);
    }

    @Override
    public List<ConsultationId> unfinishedEndedBefore(Instant endedBefore, int limit) {
        return List.of();
    }

    @Override
    public void recordScheduled(ConsultationFacts facts) {}

    @Override
    public void recordMoved(
            ConsultationId consultation, UUID appointmentId, Instant start, Instant end, int linkVersion) {}

    @Override
    public void recordState(ConsultationId consultation, ConsultationState state) {}

    @Override
    public void recordEncounter(ConsultationId consultation, EncounterId encounter) {}

    @Override
    public void recordCaregiverNamed(ConsultationId consultation) {}

    @Override
    public void recordConsent(PatientId patient, ConsultationId consultation, ConsentMethod method, Instant at) {
        consented.add(patient);
    }
}
