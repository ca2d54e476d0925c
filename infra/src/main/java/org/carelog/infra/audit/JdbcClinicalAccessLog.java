package org.carelog.infra.audit;

import java.sql.Timestamp;
import java.time.Clock;
import org.carelog.api.patient.PatientId;
import org.carelog.infra.security.SignedInStaff;
import org.carelog.query.clinical.ClinicalAccessLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The access log in table {@code clinical_access_log}, written with the connection of the read itself: when
 * the insert fails, the exception ends the read and no data is returned. Before writing, the reader's right to
 * this patient is checked ({@link ClinicalAccessPolicy}): a clinician outside the patient's care is refused
 * unless a break-glass grant is active, whose id the entry then carries. The entry is sealed into the access
 * log's hash chain within about a second by {@link AccessLogSealer}, off the read's path.
 */
@Component
class JdbcClinicalAccessLog implements ClinicalAccessLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ClinicalAccessPolicy policy;

    JdbcClinicalAccessLog(JdbcTemplate jdbc, Clock clock, ClinicalAccessPolicy policy) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public void recordRead(PatientId patient, String view, String requestId) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            throw new IllegalStateException("a read of health data is made by a signed-in user");
        }
        String role = SignedInStaff.roleOf(user).orElse("NONE");
        Long breakGlass = policy.authorise(user.getName(), role, patient);
        jdbc.update(
                "insert into clinical_access_log"
                        + " (occurred_at, username, role, patient_id, view, request_id, break_glass_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()),
                user.getName(),
                role,
                patient.value(),
                view,
                requestId,
                breakGlass);
    }
}
