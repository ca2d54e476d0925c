package org.carelog.infra.security;

import java.sql.Timestamp;
import java.time.Clock;
import org.carelog.infra.audit.StaffAuditSeal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only record of privilege changes (table {@code staff_audit}): written in the transaction
 * of the change it describes, never updated or deleted (a trigger refuses both), and linked into a hash chain
 * in the same transaction ({@link StaffAuditSeal}).
 */
@Component
public class StaffAudit {

    static final String SYSTEM = "system";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final StaffAuditSeal seal;

    StaffAudit(JdbcTemplate jdbc, Clock clock, StaffAuditSeal seal) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.seal = seal;
    }

    /** Who did it, in which request (either may be absent for the system), and what changed. */
    public record Change(String actor, String requestId, String idempotencyKey) {
        static Change bySystem() {
            return new Change(SYSTEM, null, null);
        }
    }

    @Transactional
    public void record(Change by, String action, String target, String oldValue, String newValue) {
        seal.lock();
        jdbc.update(
                "insert into staff_audit (occurred_at, actor, action, target, old_value, new_value, request_id,"
                        + " idempotency_key) values (?, ?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()),
                by.actor(),
                action,
                target,
                oldValue,
                newValue,
                by.requestId(),
                by.idempotencyKey());
        seal.sealPending();
    }

    /** Whether this actor already made a change of this kind with this idempotency key. */
    boolean alreadyDone(Change by, String action) {
        if (by.idempotencyKey() == null) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from staff_audit where actor = ? and idempotency_key = ? and action = ?)",
                Boolean.class,
                by.actor(),
                by.idempotencyKey(),
                action));
    }
}
