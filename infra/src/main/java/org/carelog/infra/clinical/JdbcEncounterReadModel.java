package org.carelog.infra.clinical;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.clinical.DiagnosisRank;
import org.carelog.api.clinical.DiagnosisStatus;
import org.carelog.api.clinical.EncounterOrigin;
import org.carelog.api.clinical.EncounterStatus;
import org.carelog.api.clinical.EncounterType;
import org.carelog.api.clinical.NoteSection;
import org.carelog.api.clinical.VitalSigns;
import org.carelog.projection.clinical.DiagnosisRow;
import org.carelog.projection.clinical.EncounterChange;
import org.carelog.projection.clinical.EncounterReadModel;
import org.carelog.projection.clinical.EncounterRow;
import org.carelog.projection.clinical.NoteVersionRow;
import org.carelog.projection.clinical.VitalsRow;
import org.carelog.projection.clinical.WorklistRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The encounter read model over JDBC: a batch of changes becomes one JDBC batch per run of same-kind changes
 * (inserts with ON CONFLICT DO NOTHING, status updates that set state), so a replay writes thousands of rows per
 * round trip; reads are one indexed query per chart section.
 */
@Component
public class JdbcEncounterReadModel implements EncounterReadModel {

    private static final String ENCOUNTER_COLUMNS = "encounter_id, patient_id, type, origin, appointment_id,"
            + " token_id, attending_id, status, opened_at, opened_by, signed_at, signed_by";
    private static final String NOTE_COLUMNS =
            "encounter_id, section, version, patient_id, text, amendment, reason," + " author, author_role, written_at";
    private static final String VITALS_COLUMNS = "vitals_id, encounter_id, patient_id, taken_at, recorded_by,"
            + " systolic, diastolic, pulse, temperature_c, spo2, respiratory_rate, weight_kg, height_cm,"
            + " glucose_mmol_l";
    private static final String DIAGNOSIS_COLUMNS = "diagnosis_id, encounter_id, patient_id, rank, system, code,"
            + " title, uncoded, status, status_reason, recorded_at, recorded_by, changed_at";

    private static final String INSERT_ENCOUNTER = "insert into encounter_view (" + ENCOUNTER_COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (encounter_id) do nothing";
    private static final String SIGN_ENCOUNTER =
            "update encounter_view set status = 'SIGNED', signed_at = ?, signed_by = ? where encounter_id = ?";
    private static final String INSERT_NOTE = "insert into encounter_note_version (" + NOTE_COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
    private static final String INSERT_VITALS = "insert into encounter_vitals (" + VITALS_COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (vitals_id) do nothing";
    private static final String INSERT_DIAGNOSIS = "insert into encounter_diagnosis (" + DIAGNOSIS_COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (diagnosis_id) do nothing";
    private static final String CHANGE_DIAGNOSIS =
            "update encounter_diagnosis set status = ?, status_reason = ?," + " changed_at = ? where diagnosis_id = ?";

    private final JdbcTemplate jdbc;

    JdbcEncounterReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(List<EncounterChange> changes) {
        // Runs of the same statement keep their order relative to the others (an update follows its insert).
        String sql = null;
        List<Object[]> rows = new ArrayList<>();
        for (EncounterChange change : changes) {
            String next = statement(change);
            if (sql != null && !sql.equals(next)) {
                jdbc.batchUpdate(sql, rows);
                rows = new ArrayList<>();
            }
            sql = next;
            rows.add(parameters(change));
        }
        if (sql != null) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static String statement(EncounterChange change) {
        if (change instanceof EncounterChange.Opened) {
            return INSERT_ENCOUNTER;
        } else if (change instanceof EncounterChange.Signed) {
            return SIGN_ENCOUNTER;
        } else if (change instanceof EncounterChange.NoteVersion) {
            return INSERT_NOTE;
        } else if (change instanceof EncounterChange.Vitals) {
            return INSERT_VITALS;
        } else if (change instanceof EncounterChange.Diagnosed) {
            return INSERT_DIAGNOSIS;
        }
        return CHANGE_DIAGNOSIS;
    }

    private static Object[] parameters(EncounterChange change) {
        if (change instanceof EncounterChange.Opened c) {
            EncounterRow r = c.row();
            return new Object[] {
                r.encounterId(),
                r.patientId(),
                r.type().name(),
                r.origin().name(),
                r.appointmentId(),
                r.tokenId(),
                r.attendingId(),
                r.status().name(),
                ts(r.openedAt()),
                r.openedBy(),
                ts(r.signedAt()),
                r.signedBy()
            };
        } else if (change instanceof EncounterChange.Signed c) {
            return new Object[] {ts(c.at()), c.by(), c.encounterId()};
        } else if (change instanceof EncounterChange.NoteVersion c) {
            NoteVersionRow r = c.row();
            return new Object[] {
                r.encounterId(),
                r.section().name(),
                r.version(),
                r.patientId(),
                r.text(),
                r.amendment(),
                r.reason(),
                r.author(),
                r.authorRole(),
                ts(r.writtenAt())
            };
        } else if (change instanceof EncounterChange.Vitals c) {
            VitalsRow r = c.row();
            VitalSigns s = r.signs() == null
                    ? new VitalSigns(null, null, null, null, null, null, null, null, null)
                    : r.signs();
            return new Object[] {
                r.vitalsId(),
                r.encounterId(),
                r.patientId(),
                ts(r.takenAt()),
                r.recordedBy(),
                s.systolic(),
                s.diastolic(),
                s.pulse(),
                s.temperatureCelsius(),
                s.spo2(),
                s.respiratoryRate(),
                s.weightKg(),
                s.heightCm(),
                s.glucoseMmolPerL()
            };
        } else if (change instanceof EncounterChange.Diagnosed c) {
            DiagnosisRow r = c.row();
            return new Object[] {
                r.diagnosisId(),
                r.encounterId(),
                r.patientId(),
                r.rank().name(),
                r.system(),
                r.code(),
                r.title(),
                r.uncoded(),
                r.status().name(),
                r.statusReason(),
                ts(r.recordedAt()),
                r.recordedBy(),
                ts(r.changedAt())
            };
        }
        EncounterChange.DiagnosisChanged c = (EncounterChange.DiagnosisChanged) change;
        return new Object[] {c.status().name(), c.reason(), ts(c.at()), c.diagnosisId()};
    }

    @Override
    public void erase(UUID patientId) {
        erase(jdbc, patientId);
    }

    /**
     * Blanks a patient's clinical text and values in the encounter tables (the facts of when and by whom stay);
     * also what {@code ErasureReconciliation} runs after a backup from before an erasure was restored. Returns
     * how many rows changed.
     */
    public static int erase(JdbcTemplate jdbc, UUID patientId) {
        return jdbc.update(
                        "update encounter_note_version set text = null, reason = null"
                                + " where patient_id = ? and (text is not null or reason is not null)",
                        patientId)
                + jdbc.update(
                        "update encounter_vitals set systolic = null, diastolic = null, pulse = null, temperature_c = null,"
                                + " spo2 = null, respiratory_rate = null, weight_kg = null, height_cm = null,"
                                + " glucose_mmol_l = null where patient_id = ? and (systolic is not null or pulse is not null"
                                + " or temperature_c is not null or spo2 is not null or respiratory_rate is not null"
                                + " or weight_kg is not null or height_cm is not null or glucose_mmol_l is not null)",
                        patientId)
                + jdbc.update(
                        "update encounter_diagnosis set system = null, code = null, title = null, status_reason = null"
                                + " where patient_id = ? and (code is not null or title is not null)",
                        patientId);
    }

    @Override
    public void clear() {
        jdbc.update("delete from encounter_view");
        jdbc.update("delete from encounter_note_version");
        jdbc.update("delete from encounter_vitals");
        jdbc.update("delete from encounter_diagnosis");
    }

    @Override
    public List<EncounterRow> encounters(UUID patientId) {
        return jdbc.query(
                "select " + ENCOUNTER_COLUMNS + " from encounter_view where patient_id = ?"
                        + " order by opened_at desc, encounter_id desc",
                JdbcEncounterReadModel::encounter,
                patientId);
    }

    @Override
    public List<VitalsRow> vitals(UUID patientId) {
        return jdbc.query(
                "select " + VITALS_COLUMNS + " from encounter_vitals where patient_id = ?"
                        + " order by taken_at desc, vitals_id desc",
                JdbcEncounterReadModel::vitals,
                patientId);
    }

    @Override
    public List<DiagnosisRow> diagnoses(UUID patientId) {
        return jdbc.query(
                "select " + DIAGNOSIS_COLUMNS + " from encounter_diagnosis where patient_id = ?"
                        + " order by recorded_at desc, diagnosis_id desc",
                JdbcEncounterReadModel::diagnosis,
                patientId);
    }

    @Override
    public List<DiagnosisRow> activeProblems(UUID patientId) {
        return jdbc.query(
                "select " + DIAGNOSIS_COLUMNS + " from encounter_diagnosis where patient_id = ? and status = 'ACTIVE'"
                        + " order by recorded_at desc, diagnosis_id desc",
                JdbcEncounterReadModel::diagnosis,
                patientId);
    }

    @Override
    public Optional<EncounterRow> encounter(UUID encounterId) {
        return jdbc
                .query(
                        "select " + ENCOUNTER_COLUMNS + " from encounter_view where encounter_id = ?",
                        JdbcEncounterReadModel::encounter,
                        encounterId)
                .stream()
                .findFirst();
    }

    @Override
    public List<NoteVersionRow> notes(Collection<UUID> encounterIds) {
        List<NoteVersionRow> notes = jdbc.query(
                "select " + NOTE_COLUMNS + " from encounter_note_version where encounter_id = any(?::uuid[])",
                JdbcEncounterReadModel::note,
                (Object) ids(encounterIds));
        // By section in the enum's order (the clinical order), then version: as the in-memory chart sorts.
        return notes.stream()
                .sorted(Comparator.comparing(NoteVersionRow::encounterId)
                        .thenComparing(NoteVersionRow::section)
                        .thenComparing(NoteVersionRow::version))
                .toList();
    }

    @Override
    public List<VitalsRow> encounterVitals(Collection<UUID> encounterIds) {
        return jdbc.query(
                "select " + VITALS_COLUMNS + " from encounter_vitals where encounter_id = any(?::uuid[])"
                        + " order by taken_at desc, vitals_id desc",
                JdbcEncounterReadModel::vitals,
                (Object) ids(encounterIds));
    }

    @Override
    public List<DiagnosisRow> encounterDiagnoses(Collection<UUID> encounterIds) {
        return jdbc.query(
                "select " + DIAGNOSIS_COLUMNS + " from encounter_diagnosis where encounter_id = any(?::uuid[])"
                        + " order by recorded_at desc, diagnosis_id desc",
                JdbcEncounterReadModel::diagnosis,
                (Object) ids(encounterIds));
    }

    private static String[] ids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    @Override
    public List<WorklistRow> worklist(String username, LocalDate date) {
        return jdbc.query(
                "with me as (select practitioner_id from staff_user where lower(username) = lower(?)"
                        + "   and practitioner_id is not null)"
                        + " select 'APPOINTMENT' as kind, a.patient_id, a.appointment_id, null as token_id,"
                        + "   null as label, null::uuid as encounter_id, a.start_at as at"
                        + " from appointment_view a join me on a.practitioner_id = me.practitioner_id"
                        + " where a.schedule_date = ? and a.status = 'CHECKED_IN'"
                        + "   and not exists (select 1 from encounter_view e where e.appointment_id = a.appointment_id)"
                        + " union all"
                        + " select 'TOKEN', t.patient_id, t.appointment_id, t.token_id, t.label, null, t.called_at"
                        + " from queue_token t"
                        + " where t.queue_date = ? and t.status in ('CALLED', 'SERVING')"
                        + "   and (t.service_point_id in (select s.service_point_id from availability_session_view s"
                        + "          join me on s.practitioner_id = me.practitioner_id)"
                        + "     or t.appointment_id in (select a.appointment_id from appointment_view a"
                        + "          join me on a.practitioner_id = me.practitioner_id))"
                        + "   and not exists (select 1 from encounter_view e where e.token_id = t.token_id"
                        + "          or e.appointment_id = t.appointment_id)"
                        + " union all"
                        + " select 'ENCOUNTER', e.patient_id, e.appointment_id, e.token_id, null, e.encounter_id,"
                        + "   e.opened_at"
                        + " from encounter_view e join me on e.attending_id = me.practitioner_id"
                        + " where e.status = 'OPEN'"
                        + " order by at, kind",
                (rs, n) -> new WorklistRow(
                        rs.getString("kind"),
                        rs.getObject("patient_id", UUID.class),
                        rs.getObject("appointment_id", UUID.class),
                        rs.getString("token_id"),
                        rs.getString("label"),
                        rs.getObject("encounter_id", UUID.class),
                        instant(rs, "at")),
                username,
                date,
                date);
    }

    private static EncounterRow encounter(ResultSet rs, int n) throws SQLException {
        return new EncounterRow(
                rs.getObject("encounter_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                EncounterType.valueOf(rs.getString("type")),
                EncounterOrigin.valueOf(rs.getString("origin")),
                rs.getObject("appointment_id", UUID.class),
                rs.getString("token_id"),
                rs.getObject("attending_id", UUID.class),
                EncounterStatus.valueOf(rs.getString("status")),
                instant(rs, "opened_at"),
                rs.getString("opened_by"),
                instant(rs, "signed_at"),
                rs.getString("signed_by"));
    }

    private static NoteVersionRow note(ResultSet rs, int n) throws SQLException {
        return new NoteVersionRow(
                rs.getObject("encounter_id", UUID.class),
                NoteSection.valueOf(rs.getString("section")),
                rs.getInt("version"),
                rs.getObject("patient_id", UUID.class),
                rs.getString("text"),
                rs.getBoolean("amendment"),
                rs.getString("reason"),
                rs.getString("author"),
                rs.getString("author_role"),
                instant(rs, "written_at"));
    }

    private static VitalsRow vitals(ResultSet rs, int n) throws SQLException {
        return new VitalsRow(
                rs.getObject("vitals_id", UUID.class),
                rs.getObject("encounter_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                instant(rs, "taken_at"),
                rs.getString("recorded_by"),
                new VitalSigns(
                        integer(rs, "systolic"),
                        integer(rs, "diastolic"),
                        integer(rs, "pulse"),
                        decimal(rs, "temperature_c"),
                        integer(rs, "spo2"),
                        integer(rs, "respiratory_rate"),
                        decimal(rs, "weight_kg"),
                        decimal(rs, "height_cm"),
                        decimal(rs, "glucose_mmol_l")));
    }

    private static DiagnosisRow diagnosis(ResultSet rs, int n) throws SQLException {
        return new DiagnosisRow(
                rs.getObject("diagnosis_id", UUID.class),
                rs.getObject("encounter_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                DiagnosisRank.valueOf(rs.getString("rank")),
                rs.getString("system"),
                rs.getString("code"),
                rs.getString("title"),
                rs.getBoolean("uncoded"),
                DiagnosisStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                instant(rs, "recorded_at"),
                rs.getString("recorded_by"),
                instant(rs, "changed_at"));
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }
}
