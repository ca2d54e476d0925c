package org.carelog.infra.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.carelog.api.common.CarelogException;
import org.carelog.api.patient.PatientId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break-glass grants (table break_glass): a clinician opens a record outside their care with a reason, for a
 * limited time; each grant is an alert until an auditor reviews it. Grants are never deleted.
 */
@Component
class BreakGlass {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ClinicalAccessProperties properties;

    BreakGlass(JdbcTemplate jdbc, Clock clock, ClinicalAccessProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    record Grant(
            long id,
            String username,
            String role,
            String patientId,
            String reason,
            OffsetDateTime openedAt,
            OffsetDateTime expiresAt,
            String requestId,
            String reviewedBy,
            OffsetDateTime reviewedAt,
            String reviewNote) {}

    private static final String COLUMNS = "id, username, role, patient_id, reason, opened_at, expires_at, request_id,"
            + " reviewed_by, reviewed_at, review_note";

    private static final RowMapper<Grant> GRANT = (rs, n) -> new Grant(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getObject(6, OffsetDateTime.class),
            rs.getObject(7, OffsetDateTime.class),
            rs.getString(8),
            rs.getString(9),
            rs.getObject(10, OffsetDateTime.class),
            rs.getString(11));

    /** Opens a grant; the same idempotency key of the same user returns the grant it opened. */
    @Transactional
    Grant open(
            String username, String role, PatientId patient, String reason, String requestId, String idempotencyKey) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < properties.breakGlassReasonMinLength() || why.length() > 1000) {
            throw CarelogException.validation(
                    "reason",
                    "State why you must open this record (" + properties.breakGlassReasonMinLength()
                            + " to 1000 characters)");
        }
        if (idempotencyKey != null) {
            List<Grant> earlier = jdbc.query(
                    "select " + COLUMNS + " from break_glass where username = ? and idempotency_key = ?",
                    GRANT,
                    username,
                    idempotencyKey);
            if (!earlier.isEmpty()) {
                if (!earlier.get(0).patientId().equals(patient.toString())) {
                    throw CarelogException.conflict("This idempotency key was used for another patient", null);
                }
                return earlier.get(0);
            }
        }
        Instant now = clock.instant();
        return jdbc.queryForObject(
                "insert into break_glass (username, role, patient_id, reason, opened_at, expires_at, request_id,"
                        + " idempotency_key) values (?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS,
                GRANT,
                username,
                role,
                patient.value(),
                why,
                Timestamp.from(now),
                Timestamp.from(now.plus(properties.breakGlassDuration())),
                requestId,
                idempotencyKey);
    }

    /** Grants for review, newest first: unreviewed ones (the alerts), reviewed ones, or all. */
    List<Grant> alerts(Boolean reviewed, int limit) {
        String filter =
                reviewed == null ? "" : reviewed ? " where reviewed_at is not null" : " where reviewed_at is null";
        return jdbc.query(
                "select " + COLUMNS + " from break_glass" + filter + " order by opened_at desc, id desc limit ?",
                GRANT,
                limit);
    }

    /** Records an auditor's review, once; reviewing a reviewed grant again changes nothing. */
    @Transactional
    Grant review(long id, String auditor, String note) {
        String text = note == null ? null : note.strip();
        if (text != null && text.length() > 1000) {
            throw CarelogException.validation("note", "At most 1000 characters");
        }
        jdbc.update(
                "update break_glass set reviewed_by = ?, reviewed_at = ?, review_note = ?"
                        + " where id = ? and reviewed_at is null",
                auditor,
                Timestamp.from(clock.instant()),
                text,
                id);
        List<Grant> grant = jdbc.query("select " + COLUMNS + " from break_glass where id = ?", GRANT, id);
        if (grant.isEmpty()) {
            throw CarelogException.notFound("No break-glass grant " + id);
        }
        return grant.get(0);
    }
}
