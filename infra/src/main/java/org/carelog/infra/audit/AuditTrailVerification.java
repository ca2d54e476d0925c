package org.carelog.infra.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Walks both hash chains in one repeatable-read snapshot, streaming with a cursor (constant memory), and stops
 * at the first broken link. Used by the GraphQL query and by the operators' command line.
 */
public final class AuditTrailVerification {

    /** Which chain a broken link is in. */
    public enum Chain {
        EVENT_STORE,
        STAFF_AUDIT
    }

    /** The first place where the stored rows and their seals disagree. */
    public record BrokenLink(Chain chain, long position, String reason) {}

    /**
     * What was checked. Unsealed rows are newer than the last seal (not sealed yet), so not covered.
     *
     * @param eventHeadHash the hash of the last checked event-store link (hex), for recording outside the
     *     database: a chain rewritten from some point to its end is only caught by comparing with such a record
     */
    public record Result(
            long eventsChecked,
            long gapsChecked,
            long eventsUnsealed,
            long auditRecordsChecked,
            long auditRecordsUnsealed,
            String eventHeadHash,
            String auditHeadHash,
            BrokenLink firstBrokenLink) {

        public boolean intact() {
            return firstBrokenLink == null;
        }
    }

    private static final int FETCH_SIZE = 500;

    private AuditTrailVerification() {}

    /** Verifies in a read-only transaction of its own on this connection, which it leaves as it found it. */
    public static Result verify(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        boolean readOnly = c.isReadOnly();
        if (!autoCommit) {
            c.rollback();
        }
        c.setAutoCommit(false); // a cursor streams only inside a transaction
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            Events events = verifyEvents(c);
            Audit audit = verifyAudit(c);
            BrokenLink broken = events.broken != null ? events.broken : audit.broken;
            return new Result(
                    events.checked,
                    events.gaps,
                    events.unsealed,
                    audit.checked,
                    audit.unsealed,
                    AuditChain.hex(events.head),
                    AuditChain.hex(audit.head),
                    broken);
        } finally {
            c.rollback();
            c.setReadOnly(readOnly);
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    private static final class Events {
        long checked;
        long gaps;
        long unsealed;
        byte[] head = AuditChain.GENESIS;
        BrokenLink broken;

        void broken(long position, String reason) {
            broken = new BrokenLink(Chain.EVENT_STORE, position, reason);
        }
    }

    private static Events verifyEvents(Connection c) throws SQLException {
        Events result = new Events();
        long lastSealed = maximum(c, "select coalesce(max(globalindex), 0) from event_seal");
        long expected = 1;
        try (PreparedStatement s = c.prepareStatement("select s.globalindex, s.eventidentifier, s.previous_hash,"
                + " s.hash, " + AuditChain.EVENT_COLUMNS
                + " from event_seal s full join domainevententry e on e.globalindex = s.globalindex"
                + " order by coalesce(s.globalindex, e.globalindex)")) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean sealed = rs.getObject(1) != null;
                    boolean stored = rs.getObject(5) != null;
                    long position = sealed ? rs.getLong(1) : rs.getLong(5);
                    if (!sealed) {
                        if (position < lastSealed) {
                            result.broken(
                                    position,
                                    "an event without a seal row: inserted after sealing, or its seal row removed");
                            return result;
                        }
                        result.unsealed++;
                        continue;
                    }
                    if (position != expected) {
                        result.broken(expected, "global index missing from both the seal and the event store");
                        return result;
                    }
                    if (!Arrays.equals(rs.getBytes(3), result.head)) {
                        result.broken(
                                position,
                                "the seal does not link to the one before: a seal row was removed" + " or changed");
                        return result;
                    }
                    boolean gap = rs.getString(2) == null;
                    byte[] hash;
                    if (gap) {
                        if (stored) {
                            result.broken(position, "an event in a sealed gap: inserted after sealing");
                            return result;
                        }
                        hash = AuditChain.gapHash(result.head, position);
                    } else {
                        if (!stored) {
                            result.broken(position, "a sealed event is missing: deleted");
                            return result;
                        }
                        hash = AuditChain.eventHash(result.head, rs, 5);
                    }
                    if (!Arrays.equals(rs.getBytes(4), hash)) {
                        result.broken(
                                position,
                                gap
                                        ? "the seal of a gap was changed"
                                        : "the event differs from its seal: changed after sealing");
                        return result;
                    }
                    result.head = hash;
                    expected++;
                    if (gap) {
                        result.gaps++;
                    } else {
                        result.checked++;
                    }
                }
            }
        }
        return result;
    }

    private static final class Audit {
        long checked;
        long unsealed;
        byte[] head = AuditChain.GENESIS;
        BrokenLink broken;

        void broken(long position, String reason) {
            broken = new BrokenLink(Chain.STAFF_AUDIT, position, reason);
        }
    }

    private static Audit verifyAudit(Connection c) throws SQLException {
        Audit result = new Audit();
        long lastSealed = maximum(c, "select coalesce(max(audit_id), 0) from staff_audit_seal");
        try (PreparedStatement s = c.prepareStatement("select s.audit_id, s.previous_hash, s.hash, "
                + AuditChain.AUDIT_COLUMNS
                + " from staff_audit_seal s full join staff_audit a on a.id = s.audit_id"
                + " order by coalesce(s.audit_id, a.id)")) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean sealed = rs.getObject(1) != null;
                    boolean stored = rs.getObject(4) != null;
                    long position = sealed ? rs.getLong(1) : rs.getLong(4);
                    if (!sealed) {
                        if (position < lastSealed) {
                            result.broken(
                                    position,
                                    "an audit record without a seal row: inserted outside the chain, or its seal row removed");
                            return result;
                        }
                        result.unsealed++;
                        continue;
                    }
                    if (!Arrays.equals(rs.getBytes(2), result.head)) {
                        result.broken(
                                position,
                                "the seal does not link to the one before: a record and its seal"
                                        + " were removed, or a seal row was changed");
                        return result;
                    }
                    if (!stored) {
                        result.broken(position, "a sealed audit record is missing: deleted");
                        return result;
                    }
                    byte[] hash = AuditChain.auditHash(result.head, rs, 4);
                    if (!Arrays.equals(rs.getBytes(3), hash)) {
                        result.broken(position, "the audit record differs from its seal: changed after sealing");
                        return result;
                    }
                    result.head = hash;
                    result.checked++;
                }
            }
        }
        return result;
    }

    private static long maximum(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
