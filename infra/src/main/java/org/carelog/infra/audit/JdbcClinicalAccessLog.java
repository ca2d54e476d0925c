package org.carelog.infra.audit;

import graphql.schema.DataFetchingEnvironment;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        Authentication user = signedIn();
        String role = SignedInStaff.roleOf(user).orElse("NONE");
        write(user, role, patient, view, requestId, policy.authorise(user.getName(), role, patient));
    }

    /**
     * A GraphQL request reads a chart section by section: the care check is made once per patient and request
     * (kept in the request's context for a few seconds at most, so a long-lived subscription checks again); each
     * section's read is still written.
     */
    @Override
    public void recordRead(PatientId patient, String view, DataFetchingEnvironment env) {
        Authentication user = signedIn();
        String role = SignedInStaff.roleOf(user).orElse("NONE");
        Map<String, Decision> decided =
                env.getGraphQlContext().computeIfAbsent(DECISIONS, k -> new ConcurrentHashMap<>());
        String key = user.getName() + "\u0000" + patient;
        Instant now = clock.instant();
        Decision decision = decided.get(key);
        if (decision == null || decision.at().plus(DECISION_LIFETIME).isBefore(now)) {
            decision = new Decision(policy.authorise(user.getName(), role, patient), now);
            decided.put(key, decision);
        }
        write(user, role, patient, view, env.getGraphQlContext().get(REQUEST_ID_CONTEXT_KEY), decision.breakGlass());
    }

    private static final String DECISIONS = JdbcClinicalAccessLog.class.getName() + ".decisions";
    private static final Duration DECISION_LIFETIME = Duration.ofSeconds(5);

    /** The care check's answer: allowed, under this break-glass grant (null: in care). */
    private record Decision(Long breakGlass, Instant at) {}

    private static Authentication signedIn() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            throw new IllegalStateException("a read of health data is made by a signed-in user");
        }
        return user;
    }

    private void write(
            Authentication user, String role, PatientId patient, String view, String requestId, Long breakGlass) {
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
