package org.carelog.infra.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.patient.PatientId;
import org.carelog.api.portal.SignedInPatient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether a clinician may read a patient's record now: in the patient's care, or under an active break-glass
 * grant. One indexed query per read. Only DOCTOR and NURSE are restricted; AUDITOR (and LAB_TECHNICIAN for lab
 * data) read by role alone.
 */
@Component
class ClinicalAccessPolicy {

    private static final List<String> RESTRICTED_ROLES = List.of("DOCTOR", "NURSE");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ClinicalAccessProperties properties;

    ClinicalAccessPolicy(JdbcTemplate jdbc, Clock clock, ClinicalAccessProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Null when the read is allowed on its own; the id of the break-glass grant that allows it; or FORBIDDEN
     * (extension {@code breakGlass: true}) when neither holds.
     */
    Long authorise(String username, String role, PatientId patient) {
        if ("PATIENT".equals(role)) {
            // A patient reads only their own record (the portal never asks for another; this is the last guard).
            if (!(SignedInPatient.NAME_PREFIX + patient).equals(username)) {
                throw CarelogException.notFound("No record with id " + patient);
            }
            return null;
        }
        if (!properties.restrictToCare() || !RESTRICTED_ROLES.contains(role)) {
            return null;
        }
        Instant now = clock.instant();
        if (inCare(username, patient, now)) {
            return null;
        }
        List<Long> grant = jdbc.queryForList(
                "select id from break_glass where username = ? and patient_id = ? and expires_at > ?"
                        + " order by expires_at desc limit 1",
                Long.class,
                username,
                patient.value(),
                Timestamp.from(now));
        if (!grant.isEmpty()) {
            return grant.get(0);
        }
        throw new CarelogException(new CarelogError(
                ErrorCode.FORBIDDEN,
                "This patient is not in your care (no appointment, token or encounter with you): open the record"
                        + " with breakGlass and a reason if you must",
                null,
                Map.of("breakGlass", true)));
    }

    /** Whether the user's practitioner has the patient in care now: one query over the three sources. */
    boolean inCare(String username, PatientId patient, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Timestamp at = Timestamp.from(now);
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "with me as (select u.practitioner_id from staff_user u where u.username = ?"
                        + " and u.practitioner_id is not null)"
                        + " select exists (select 1 from care_relationship c, me"
                        + "   where c.patient_id = ? and c.practitioner_id = me.practitioner_id"
                        + "   and c.since <= ? and (c.until is null or c.until > ?))"
                        + " or exists (select 1 from appointment_view a, me"
                        + "   where a.patient_id = ? and a.practitioner_id = me.practitioner_id"
                        + "   and a.status not in ('CANCELLED', 'RESCHEDULED')"
                        + "   and (a.schedule_date = ? or a.start_at between ? and ?))"
                        + " or exists (select 1 from queue_token t"
                        + "   join service_point_directory s on s.service_point_id = t.service_point_id"
                        + "   join practitioner_directory p on p.department_id = s.department_id"
                        + "   join me on me.practitioner_id = p.practitioner_id"
                        + "   where t.patient_id = ? and t.queue_date = ?)",
                Boolean.class,
                username,
                patient.value(),
                at,
                at,
                patient.value(),
                today,
                Timestamp.from(now.minus(properties.appointmentWindow())),
                Timestamp.from(now.plus(properties.appointmentWindow())),
                patient.value(),
                today));
    }
}
