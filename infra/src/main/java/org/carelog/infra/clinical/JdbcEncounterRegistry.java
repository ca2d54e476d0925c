package org.carelog.infra.clinical;

import java.util.Optional;
import java.util.UUID;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.PractitionerRole;
import org.carelog.api.queue.TokenId;
import org.carelog.api.queue.TokenStatus;
import org.carelog.command.clinical.EncounterFacts;
import org.carelog.command.clinical.EncounterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The encounters' command-side lookups in PostgreSQL, in the command's (or the events') transaction: the
 * appointment's booking row (scheduling's appointment_booking), encounter_token and encounter_registry (kept by
 * the subscribing encounter-lookup processor), patient_match and scheduling_practitioner.
 */
@Component
class JdbcEncounterRegistry implements EncounterRegistry {

    private final JdbcTemplate jdbc;

    JdbcEncounterRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<EncounterFacts> find(EncounterId encounter) {
        return jdbc
                .query(
                        "select patient_id, attending_id, status from encounter_registry where encounter_id = ?",
                        (rs, n) -> new EncounterFacts(
                                encounter,
                                new PatientId(rs.getObject(1, UUID.class)),
                                new PractitionerId(rs.getObject(2, UUID.class)),
                                EncounterStatus.valueOf(rs.getString(3))),
                        encounter.value())
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Appointment> appointment(UUID appointmentId) {
        return jdbc
                .query(
                        "select patient_id, practitioner_id, status from appointment_booking where appointment_id = ?",
                        (rs, n) -> new Appointment(
                                appointmentId,
                                new PatientId(rs.getObject(1, UUID.class)),
                                new PractitionerId(rs.getObject(2, UUID.class)),
                                rs.getString(3)),
                        appointmentId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Token> token(TokenId token) {
        return jdbc
                .query(
                        "select patient_id, appointment_id, status from encounter_token where token_id = ?",
                        (rs, n) -> new Token(
                                token,
                                new PatientId(rs.getObject(1, UUID.class)),
                                rs.getObject(2, UUID.class),
                                TokenStatus.valueOf(rs.getString(3))),
                        token.toString())
                .stream()
                .findFirst();
    }

    @Override
    public boolean patientRegistered(PatientId patient) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from patient_match where patient_id = ?)", Boolean.class, patient.value()));
    }

    @Override
    public Optional<PractitionerRole> practitionerRole(PractitionerId practitioner) {
        return jdbc
                .queryForList(
                        "select role from scheduling_practitioner where practitioner_id = ?",
                        String.class,
                        practitioner.value())
                .stream()
                .findFirst()
                .map(PractitionerRole::valueOf);
    }

    @Override
    public void recordEncounter(EncounterId encounter, PatientId patient, PractitionerId attending) {
        jdbc.update(
                "insert into encounter_registry (encounter_id, patient_id, attending_id, status) values (?, ?, ?, ?)"
                        + " on conflict (encounter_id) do nothing",
                encounter.value(),
                patient.value(),
                attending.value(),
                EncounterStatus.OPEN.name());
    }

    @Override
    public void recordEncounterStatus(EncounterId encounter, EncounterStatus status) {
        jdbc.update(
                "update encounter_registry set status = ? where encounter_id = ?", status.name(), encounter.value());
    }

    @Override
    public void recordToken(TokenId token, PatientId patient, UUID appointmentId) {
        jdbc.update(
                "insert into encounter_token (token_id, patient_id, appointment_id, status) values (?, ?, ?, ?)"
                        + " on conflict (token_id) do nothing",
                token.toString(),
                patient.value(),
                appointmentId,
                TokenStatus.WAITING.name());
    }

    @Override
    public void recordTokenStatus(TokenId token, TokenStatus status) {
        jdbc.update("update encounter_token set status = ? where token_id = ?", status.name(), token.toString());
    }

    @Override
    public void recordTokenPatient(TokenId token, PatientId patient) {
        jdbc.update("update encounter_token set patient_id = ? where token_id = ?", patient.value(), token.toString());
    }
}
