package org.carelog.infra.telemedicine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.telemedicine.ConsentMethod;
import org.carelog.api.telemedicine.ConsultationState;
import org.carelog.api.telemedicine.Participant;
import org.carelog.projection.telemedicine.ConsentRow;
import org.carelog.projection.telemedicine.ConsultationReadModel;
import org.carelog.projection.telemedicine.ConsultationRow;
import org.carelog.projection.telemedicine.ConsultationStep;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The virtual consultation read model's tables (V22). */
@Component
class JdbcConsultationReadModel implements ConsultationReadModel {

    private static final String ROW = "select v.consultation_id, v.patient_id, v.appointment_id, v.practitioner_id,"
            + " v.start_at, v.end_at, v.state, v.encounter_id, v.link_version, v.caregiver_name,"
            + " v.caregiver_relationship, v.updated_at from virtual_consultation_view v";

    private final JdbcTemplate jdbc;

    JdbcConsultationReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ConsultationRow> find(UUID consultationId) {
        return jdbc.query(ROW + " where v.consultation_id = ?", JdbcConsultationReadModel::row, consultationId).stream()
                .findFirst();
    }

    @Override
    public void save(ConsultationRow r) {
        jdbc.update(
                "insert into virtual_consultation_view (consultation_id, patient_id, appointment_id, practitioner_id,"
                        + " start_at, end_at, state, encounter_id, link_version, caregiver_name, caregiver_relationship,"
                        + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (consultation_id) do"
                        + " update set appointment_id = excluded.appointment_id, practitioner_id ="
                        + " excluded.practitioner_id, start_at = excluded.start_at, end_at = excluded.end_at, state ="
                        + " excluded.state, encounter_id = excluded.encounter_id, link_version = excluded.link_version,"
                        + " caregiver_name = excluded.caregiver_name, caregiver_relationship ="
                        + " excluded.caregiver_relationship, updated_at = excluded.updated_at",
                r.consultationId(),
                r.patientId(),
                r.appointmentId(),
                r.practitionerId(),
                Timestamp.from(r.start()),
                Timestamp.from(r.end()),
                r.state().name(),
                r.encounterId(),
                r.linkVersion(),
                r.caregiverName(),
                r.caregiverRelationship(),
                Timestamp.from(r.updatedAt()));
    }

    @Override
    public void addStep(ConsultationStep s) {
        jdbc.update(
                "insert into virtual_consultation_step (event_id, consultation_id, event, state, participant, username,"
                        + " role, at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing",
                s.eventId(),
                s.consultationId(),
                s.event(),
                s.state().name(),
                s.participant() == null ? null : s.participant().name(),
                s.username(),
                s.role(),
                Timestamp.from(s.at()));
    }

    @Override
    public void addConsent(ConsentRow c) {
        jdbc.update(
                "insert into virtual_consultation_consent (patient_id, consultation_id, method, given_by, recorded_by,"
                        + " recorded_role, recorded_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (patient_id) do nothing",
                c.patientId(),
                c.consultationId(),
                c.method().name(),
                c.givenBy().name(),
                c.recordedBy(),
                c.recordedRole(),
                Timestamp.from(c.recordedAt()));
    }

    @Override
    public void erase(UUID patientId) {
        jdbc.update(
                "update virtual_consultation_view set caregiver_name = null, caregiver_relationship = null"
                        + " where patient_id = ?",
                patientId);
    }

    @Override
    public void clear() {
        jdbc.update("delete from virtual_consultation_step");
        jdbc.update("delete from virtual_consultation_consent");
        jdbc.update("delete from virtual_consultation_view");
    }

    @Override
    public List<ConsultationStep> steps(UUID consultationId) {
        return jdbc.query(
                "select event_id, consultation_id, event, state, participant, username, role, at"
                        + " from virtual_consultation_step where consultation_id = ? order by at, event_id",
                (rs, n) -> new ConsultationStep(
                        rs.getString("event_id"),
                        rs.getObject("consultation_id", UUID.class),
                        rs.getString("event"),
                        ConsultationState.valueOf(rs.getString("state")),
                        rs.getString("participant") == null ? null : Participant.valueOf(rs.getString("participant")),
                        rs.getString("username"),
                        rs.getString("role"),
                        rs.getTimestamp("at").toInstant()),
                consultationId);
    }

    @Override
    public Optional<ConsentRow> consent(UUID patientId) {
        return jdbc
                .query(
                        "select patient_id, consultation_id, method, given_by, recorded_by, recorded_role, recorded_at"
                                + " from virtual_consultation_consent where patient_id = ?",
                        (rs, n) -> new ConsentRow(
                                rs.getObject("patient_id", UUID.class),
                                rs.getObject("consultation_id", UUID.class),
                                ConsentMethod.valueOf(rs.getString("method")),
                                Participant.valueOf(rs.getString("given_by")),
                                rs.getString("recorded_by"),
                                rs.getString("recorded_role"),
                                rs.getTimestamp("recorded_at").toInstant()),
                        patientId)
                .stream()
                .findFirst();
    }

    @Override
    public List<ConsultationRow> ofStaff(String username, Instant from, Instant to) {
        return jdbc.query(
                ROW + " join staff_user s on s.practitioner_id = v.practitioner_id where s.username = ?"
                        + " and v.start_at >= ? and v.start_at < ? order by v.start_at",
                JdbcConsultationReadModel::row,
                username,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    private static ConsultationRow row(ResultSet rs, int n) throws SQLException {
        return new ConsultationRow(
                rs.getObject("consultation_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                rs.getObject("appointment_id", UUID.class),
                rs.getObject("practitioner_id", UUID.class),
                rs.getTimestamp("start_at").toInstant(),
                rs.getTimestamp("end_at").toInstant(),
                ConsultationState.valueOf(rs.getString("state")),
                rs.getObject("encounter_id", UUID.class),
                rs.getInt("link_version"),
                rs.getString("caregiver_name"),
                rs.getString("caregiver_relationship"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
