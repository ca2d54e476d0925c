package org.carelog.command.clinical;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.queue.TokenId;
import org.carelog.api.queue.TokenStatus;

/** The encounter registry for fixture tests: appointments, tokens, patients and practitioners given by the test. */
class InMemoryEncounterRegistry implements EncounterRegistry {

    private final Map<UUID, Appointment> appointments = new HashMap<>();
    private final Map<TokenId, Token> tokens = new HashMap<>();
    private final Set<PatientId> patients = new HashSet<>();
    private final Map<PractitionerId, PractitionerRole> practitioners = new HashMap<>();
    private final Map<EncounterId, EncounterFacts> encounters = new HashMap<>();

    InMemoryEncounterRegistry appointment(UUID id, PatientId patient, PractitionerId practitioner, String status) {
        appointments.put(id, new Appointment(id, patient, practitioner, status));
        return this;
    }

    InMemoryEncounterRegistry token(TokenId id, PatientId patient, UUID appointment, TokenStatus status) {
        tokens.put(id, new Token(id, patient, appointment, status));
        return this;
    }

    InMemoryEncounterRegistry patient(PatientId patient) {
        patients.add(patient);
        return this;
    }

    InMemoryEncounterRegistry practitioner(PractitionerId practitioner, PractitionerRole role) {
        practitioners.put(practitioner, role);
        return this;
    }

    @Override
    public Optional<EncounterFacts> find(EncounterId encounter) {
        return Optional.ofNullable(encounters.get(encounter));
    }

    @Override
    public Optional<Appointment> appointment(UUID appointmentId) {
        return Optional.ofNullable(appointments.get(appointmentId));
    }

    @Override
    public Optional<Token> token(TokenId token) {
        return Optional.ofNullable(tokens.get(token));
    }

    @Override
    public boolean patientRegistered(PatientId patient) {
        return patients.contains(patient);
    }

    @Override
    public Optional<PractitionerRole> practitionerRole(PractitionerId practitioner) {
        return Optional.ofNullable(practitioners.get(practitioner));
    }

    @Override
    public void recordEncounter(EncounterId encounter, PatientId patient, PractitionerId attending) {
        encounters.putIfAbsent(encounter, new EncounterFacts(encounter, patient, attending, EncounterStatus.OPEN));
    }

    @Override
    public void recordEncounterStatus(EncounterId encounter, EncounterStatus status) {
        encounters.computeIfPresent(encounter, (id, f) -> new EncounterFacts(id, f.patientId(), f.attending(), status));
    }

    @Override
    public void recordToken(TokenId token, PatientId patient, UUID appointmentId) {
        tokens.putIfAbsent(token, new Token(token, patient, appointmentId, TokenStatus.WAITING));
    }

    @Override
    public void recordTokenStatus(TokenId token, TokenStatus status) {
        tokens.computeIfPresent(token, (id, t) -> new Token(id, t.patientId(), t.appointmentId(), status));
    }

    @Override
    public void recordTokenPatient(TokenId token, PatientId patient) {
        tokens.computeIfPresent(token, (id, t) -> new Token(id, patient, t.appointmentId(), t.status()));
    }
}
