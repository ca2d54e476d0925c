package org.carelog.infra.telemedicine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.telemedicine.ConsentMethod;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.api.telemedicine.ConsultationState;
import org.carelog.command.telemedicine.ConsultationFacts;
import org.carelog.command.telemedicine.ConsultationRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The command side's consultation and consent lookups (V22), read and written in the command's transaction. */
@Component
class JdbcConsultationRegistry implements ConsultationRegistry {

    private static final String COLUMNS = "select consultation_id, patient_id, appointment_id, practitioner_id,"
            + " start_at, end_at, state, encounter_id, link_version, caregiver_named from telemedicine_consultation";

    private final JdbcTemplate jdbc;

    JdbcConsultationRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ConsultationFacts> find(ConsultationId consultation) {
        return one(COLUMNS + " where consultation_id = ?", consultation.value());
    }

    @Override
    public Optional<ConsultationFacts> byAppointment(UUID appointmentId) {
        return one(COLUMNS + " where appointment_id = ?", appointmentId);
    }

    @Override
    public Optional<ConsultationFacts> byEncounter(EncounterId encounter) {
        return one(COLUMNS + " where encounter_id = ?", encounter.value());
    }

    @Override
    public boolean consented(PatientId patient) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from telemedicine_consent where patient_id = ?)",
                Boolean.class,
                patient.value()));
    }

    @Override
    public List<ConsultationId> unfinishedEndedBefore(Instant endedBefore, int limit) {
        return jdbc.query(
                "select consultation_id from telemedicine_consultation where state in ('SCHEDULED', 'WAITING_ROOM')"
                        + " and end_at < ? order by end_at limit ?",
                (rs, n) -> new ConsultationId(rs.getObject(1, UUID.class)),
                Timestamp.from(endedBefore),
                limit);
    }

    @Override
    public void recordScheduled(ConsultationFacts f) {
        jdbc.update(
                "insert into telemedicine_consultation (consultation_id, patient_id, appointment_id, practitioner_id,"
                        + " start_at, end_at, state, link_version) values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (consultation_id) do nothing",
                f.consultationId().value(),
                f.patientId().value(),
                f.appointmentId(),
                f.practitionerId().value(),
                Timestamp.from(f.start()),
                Timestamp.from(f.end()),
                f.state().name(),
                f.linkVersion());
    }

    @Override
    public void recordMoved(
            ConsultationId consultation, UUID appointmentId, Instant start, Instant end, int linkVersion) {
        jdbc.update(
                "update telemedicine_consultation set appointment_id = ?, start_at = ?, end_at = ?, link_version = ?,"
                        + " state = 'SCHEDULED' where consultation_id = ?",
                appointmentId,
                Timestamp.from(start),
                Timestamp.from(end),
                linkVersion,
                consultation.value());
    }

    @Override
    public void recordState(ConsultationId consultation, ConsultationState state) {
        // A patient joining again while the clinician is there leaves the consultation in progress.
        String onlyFrom = state == ConsultationState.WAITING_ROOM ? " and state = 'SCHEDULED'" : "";
        jdbc.update(
                "update telemedicine_consultation set state = ? where consultation_id = ?" + onlyFrom,
                state.name(),
                consultation.value());
    }

    @Override
    public void recordEncounter(ConsultationId consultation, EncounterId encounter) {
        jdbc.update(
                "update telemedicine_consultation set encounter_id = ? where consultation_id = ?",
                encounter.value(),
                consultation.value());
    }

    @Override
    public void recordCaregiverNamed(ConsultationId consultation) {
        jdbc.update(
                "update telemedicine_consultation set caregiver_named = true where consultation_id = ?",
                consultation.value());
    }

    @Override
    public void recordConsent(PatientId patient, ConsultationId consultation, ConsentMethod method, Instant at) {
        jdbc.update(
                "insert into telemedicine_consent (patient_id, consultation_id, method, recorded_at)"
                        + " values (?, ?, ?, ?) on conflict (patient_id) do nothing",
                patient.value(),
                consultation.value(),
                method.name(),
                Timestamp.from(at));
    }

    private Optional<ConsultationFacts> one(String sql, UUID id) {
        return jdbc.query(sql, JdbcConsultationRegistry::facts, id).stream().findFirst();
    }

    private static ConsultationFacts facts(ResultSet rs, int n) throws SQLException {
        UUID encounter = rs.getObject("encounter_id", UUID.class);
        return new ConsultationFacts(
                new ConsultationId(rs.getObject("consultation_id", UUID.class)),
                new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getObject("appointment_id", UUID.class),
                new PractitionerId(rs.getObject("practitioner_id", UUID.class)),
                rs.getTimestamp("start_at").toInstant(),
                rs.getTimestamp("end_at").toInstant(),
                ConsultationState.valueOf(rs.getString("state")),
                encounter == null ? null : new EncounterId(encounter),
                rs.getInt("link_version"),
                rs.getBoolean("caregiver_named"));
    }
}
