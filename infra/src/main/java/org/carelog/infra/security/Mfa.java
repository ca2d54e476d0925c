package org.carelog.infra.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Which roles need a second factor, TOTP enrolment, and checking a code exactly once. */
@Component
class Mfa {

    private final Set<Role> requiredRoles;
    private final TotpCodes totp;
    private final JdbcTemplate jdbc;
    private final Sessions sessions;
    private final StaffAudit audit;
    private final Clock clock;

    Mfa(
            SecurityProperties properties,
            TotpCodes totp,
            JdbcTemplate jdbc,
            Sessions sessions,
            StaffAudit audit,
            Clock clock) {
        this.requiredRoles = properties.mfa().requiredRoles();
        this.totp = totp;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    boolean requiredFor(Role role) {
        return requiredRoles.contains(role);
    }

    /** Whether the code is the user's current one and was not used before (RFC 6238 section 5.2). */
    boolean consumeCode(String username, String code) {
        List<byte[]> sealed = jdbc.query(
                "select totp_secret from staff_user where lower(username) = lower(?) and totp_secret is not null",
                (rs, i) -> rs.getBytes(1),
                username);
        if (sealed.isEmpty()) {
            return false;
        }
        OptionalLong step = totp.matchingStep(totp.open(sealed.get(0)), code);
        return step.isPresent()
                && jdbc.update(
                                "update staff_user set totp_last_step = ? where lower(username) = lower(?)"
                                        + " and totp_last_step < ?",
                                step.getAsLong(),
                                username,
                                step.getAsLong())
                        == 1;
    }

    record Enrollment(String secret, String otpauthUri) {}

    /** A new secret for the user's authenticator app; it becomes active when a code from it is confirmed. */
    @Transactional
    Enrollment begin(String username) {
        requireStaff(username);
        if (enrolled(username)) {
            throw CarelogException.conflict(
                    "TOTP is already set up for this account; an administrator can reset it", null);
        }
        String secret = totp.newSecret();
        jdbc.update(
                "update staff_user set totp_pending = ? where lower(username) = lower(?)", totp.seal(secret), username);
        return new Enrollment(secret, totp.uri(username, secret));
    }

    /** Activates the pending secret and ends the user's sessions: they sign in again, with a code. */
    @Transactional
    void confirm(String username, String code, StaffAudit.Change by) {
        requireStaff(username);
        List<byte[]> pending = jdbc.query(
                "select totp_pending from staff_user where lower(username) = lower(?) and totp_pending is not null"
                        + " for update",
                (rs, i) -> rs.getBytes(1),
                username);
        if (pending.isEmpty()) {
            if (enrolled(username)) {
                return; // a retried confirmation: nothing left to do
            }
            throw CarelogException.validation("code", "Start with beginTotpEnrollment");
        }
        OptionalLong step = totp.matchingStep(totp.open(pending.get(0)), code);
        if (step.isEmpty()) {
            throw CarelogException.validation("code", "The code does not match; check the phone's clock and try again");
        }
        jdbc.update(
                "update staff_user set totp_secret = totp_pending, totp_pending = null, totp_enrolled_at = ?,"
                        + " totp_last_step = ? where lower(username) = lower(?)",
                Timestamp.from(clock.instant()),
                step.getAsLong(),
                username);
        audit.record(by, "MFA_ENROLLED", username, null, "TOTP");
        sessions.revokeAll(username);
    }

    private boolean enrolled(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select totp_enrolled_at is not null from staff_user where lower(username) = lower(?)",
                Boolean.class,
                username));
    }

    private void requireStaff(String username) {
        Integer n = jdbc.queryForObject(
                "select count(*) from staff_user where lower(username) = lower(?)", Integer.class, username);
        if (n == null || n == 0) {
            throw CarelogException.notFound("Only Carelog staff accounts enrol here; your issuer manages your sign-in");
        }
    }
}
