package org.carelog.infra.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carelog.api.common.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff accounts in PostgreSQL: one role each, passwords as adaptive hashes, lockout counters and
 * TOTP enrolment. Privilege changes go through {@link StaffAdministration}, which audits them.
 */
@Component
public class StaffAccounts {

    private static final String COLUMNS = "username, password_hash, role, display_name, enabled, failed_sign_ins,"
            + " lockouts, locked_until, totp_enrolled_at is not null, created_at, practitioner_id";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final StaffAudit audit;

    StaffAccounts(JdbcTemplate jdbc, PasswordEncoder passwords, StaffAudit audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
    }

    /** One account as sign-in and administration see it; the hash never leaves this package. */
    record Account(
            String username,
            String passwordHash,
            Role role,
            String displayName,
            boolean enabled,
            int failedSignIns,
            int lockouts,
            Instant lockedUntil,
            boolean mfaEnrolled,
            Instant createdAt,
            UUID practitionerId) {}

    /**
     * Creates an account on the system's behalf (audited as {@code system}) without checking the password
     * policy: for the first administrator, demo seeding and tests. Staff accounts of real people are
     * created through {@code createStaffUser}.
     */
    public void create(String username, String rawPassword, Role role, String displayName) {
        insert(username, rawPassword, role, displayName);
        audit.record(StaffAudit.Change.bySystem(), "USER_CREATED", username, null, role.name());
    }

    void insert(String username, String rawPassword, Role role, String displayName) {
        jdbc.update(
                "insert into staff_user (id, username, password_hash, role, display_name) values (?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                username,
                passwords.encode(rawPassword),
                role.name(),
                displayName);
    }

    public boolean exists(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from staff_user where lower(username) = lower(?))", Boolean.class, username));
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from staff_user", Long.class);
    }

    Optional<Account> find(String username) {
        return jdbc
                .query("select " + COLUMNS + " from staff_user where lower(username) = lower(?)", this::row, username)
                .stream()
                .findFirst();
    }

    /** The account locked against concurrent change until the transaction ends. */
    Optional<Account> lock(String username) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from staff_user where lower(username) = lower(?) for update",
                        this::row,
                        username)
                .stream()
                .findFirst();
    }

    /** Enabled administrators other than this user, their rows locked until the transaction ends. */
    int otherEnabledAdministrators(String username) {
        return jdbc.queryForObject(
                "select count(*) from (select 1 from staff_user where role = 'ADMIN' and enabled"
                        + " and lower(username) <> lower(?) for update) others",
                Integer.class,
                username);
    }

    List<Account> all() {
        return jdbc.query("select " + COLUMNS + " from staff_user order by lower(username)", this::row);
    }

    void setPassword(String username, String rawPassword) {
        jdbc.update(
                "update staff_user set password_hash = ? where lower(username) = lower(?)",
                passwords.encode(rawPassword),
                username);
    }

    /** Links without checks or audit: administrators use {@code linkStaffToPractitioner}; this is for seeding. */
    public void setPractitioner(String username, UUID practitionerId) {
        jdbc.update(
                "update staff_user set practitioner_id = ? where lower(username) = lower(?)", practitionerId, username);
    }

    /** Whether another account is already linked to this practitioner. */
    boolean practitionerLinkedElsewhere(String username, UUID practitionerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from staff_user where practitioner_id = ? and lower(username) <> lower(?))",
                Boolean.class,
                practitionerId,
                username));
    }

    /** Whether the practitioner directory knows this practitioner. */
    boolean practitionerExists(UUID practitionerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from practitioner_directory where practitioner_id = ?)",
                Boolean.class,
                practitionerId));
    }

    void setRole(String username, Role role) {
        jdbc.update("update staff_user set role = ? where lower(username) = lower(?)", role.name(), username);
    }

    void clearMfa(String username) {
        jdbc.update(
                "update staff_user set totp_secret = null, totp_pending = null, totp_enrolled_at = null,"
                        + " totp_last_step = 0 where lower(username) = lower(?)",
                username);
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.update("update staff_user set enabled = ? where lower(username) = lower(?)", enabled, username);
    }

    boolean passwordMatches(String rawPassword, Account account) {
        return passwords.matches(rawPassword, account.passwordHash());
    }

    private Account row(ResultSet rs, int i) throws SQLException {
        Timestamp lockedUntil = rs.getTimestamp(8);
        return new Account(
                rs.getString(1),
                rs.getString(2),
                Role.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getInt(6),
                rs.getInt(7),
                lockedUntil == null ? null : lockedUntil.toInstant(),
                rs.getBoolean(9),
                rs.getTimestamp(10).toInstant(),
                rs.getObject(11, UUID.class));
    }
}
