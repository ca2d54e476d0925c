package org.carelog.infra.audit;

import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.subtle.Ed25519Verify;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks both hash chains in one repeatable-read snapshot, streaming with a cursor (constant memory), and stops
 * at the first broken link. At every signed checkpoint it checks the signature with a trusted public key and that
 * the recomputed head equals the signed one; the newest link of each chain must be signed. Given an exported
 * anchor, it also checks that the chain still extends it. Used by the GraphQL query and by the operators' command
 * line.
 */
public final class AuditTrailVerification {

    /** Which chain a broken link is in. */
    public enum Chain {
        EVENT_STORE,
        STAFF_AUDIT,
        CLINICAL_ACCESS
    }

    /** The first place where the stored rows and their seals or checkpoints disagree. */
    public record BrokenLink(Chain chain, long position, String reason) {}

    /**
     * A chain's head signed with the audit signing key: what an anchor holds.
     *
     * @param headHash hex
     * @param signature base64 Ed25519 signature over {@link AuditChain#checkpointMessage}
     */
    public record SignedCheckpoint(
            Chain chain, long position, String headHash, Instant signedAt, String keyId, String signature) {}

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
            long checkpointsChecked,
            String eventHeadHash,
            String auditHeadHash,
            long accessRecordsChecked,
            long accessGapsChecked,
            long accessRecordsUnsealed,
            String accessHeadHash,
            BrokenLink firstBrokenLink) {

        public boolean intact() {
            return firstBrokenLink == null;
        }
    }

    private static final int FETCH_SIZE = 500;

    private AuditTrailVerification() {}

    /**
     * Verifies in a read-only transaction of its own on this connection, which it leaves as it found it.
     *
     * @param trustedKeyIds the signing keys whose checkpoints count; pinned outside the database
     * @param anchor checkpoints exported earlier (empty for none): each chain must still extend them
     */
    public static Result verify(Connection c, Set<String> trustedKeyIds, List<SignedCheckpoint> anchor)
            throws SQLException {
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
            Keys keys = Keys.load(c, trustedKeyIds);
            Map<Chain, SignedCheckpoint> anchors = new EnumMap<>(Chain.class);
            anchor.forEach(a -> anchors.put(a.chain(), a));
            Events events = new Events(keys, anchors.get(Chain.EVENT_STORE));
            verifyEvents(c, events);
            events.finish(c);
            Audit audit = new Audit(keys, anchors.get(Chain.STAFF_AUDIT));
            verifyAudit(c, audit);
            audit.finish(c);
            Access access = new Access(keys, anchors.get(Chain.CLINICAL_ACCESS));
            verifyAccess(c, access);
            access.finish(c);
            BrokenLink broken =
                    events.broken != null ? events.broken : audit.broken != null ? audit.broken : access.broken;
            return new Result(
                    events.checked,
                    events.gaps,
                    events.unsealed,
                    audit.checked,
                    audit.unsealed,
                    events.checkpoints + audit.checkpoints + access.checkpoints,
                    AuditChain.hex(events.head),
                    AuditChain.hex(audit.head),
                    access.checked,
                    access.gaps,
                    access.unsealed,
                    AuditChain.hex(access.head),
                    broken);
        } finally {
            c.rollback();
            c.setReadOnly(readOnly);
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(autoCommit);
        }
    }

    /** The newest checkpoint of each chain: an anchor to store off-site. */
    public static List<SignedCheckpoint> latestCheckpoints(Connection c) throws SQLException {
        List<SignedCheckpoint> latest = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select chain, position, head_hash, signed_at, key_id, signature"
                + " from audit_checkpoint c where position = (select max(position) from audit_checkpoint m"
                + " where m.chain = c.chain) order by chain")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    latest.add(new SignedCheckpoint(
                            Chain.valueOf(rs.getString(1)),
                            rs.getLong(2),
                            AuditChain.hex(rs.getBytes(3)),
                            rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getString(5),
                            Base64.getEncoder().encodeToString(rs.getBytes(6))));
                }
            }
        }
        return latest;
    }

    /** The trusted public keys found in audit_signing_key: only rows whose key matches its pinned id. */
    private record Keys(Set<String> trusted, Map<String, PublicKeyVerify> verifiers) {

        static Keys load(Connection c, Set<String> trusted) throws SQLException {
            Map<String, PublicKeyVerify> verifiers = new HashMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select key_id, public_key from audit_signing_key")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    byte[] key = rs.getBytes(2);
                    if (trusted.contains(id) && AuditSigningKeys.keyId(key).equals(id)) {
                        verifiers.put(id, new Ed25519Verify(key));
                    }
                }
            }
            return new Keys(Set.copyOf(trusted), verifiers);
        }

        /** Null when the signature is good, else why not. */
        String problem(Chain chain, long position, byte[] head, Instant signedAt, String keyId, byte[] signature) {
            if (!trusted.contains(keyId)) {
                return "signed with key " + keyId + ", which is not a trusted key";
            }
            PublicKeyVerify verifier = verifiers.get(keyId);
            if (verifier == null) {
                return "no public key matching trusted key id " + keyId + " in audit_signing_key";
            }
            try {
                verifier.verify(signature, AuditChain.checkpointMessage(chain.name(), position, head, signedAt, keyId));
                return null;
            } catch (GeneralSecurityException e) {
                return "the signature does not verify with key " + keyId;
            }
        }
    }

    /** What the walk of one chain found so far, and the checks at checkpoints, anchor and end it shares. */
    private abstract static class Walk {
        final Chain chain;
        final Keys keys;
        final SignedCheckpoint anchor;
        byte[] head = AuditChain.GENESIS;
        long lastPosition;
        long lastSigned;
        long checkpoints;
        BrokenLink broken;

        Walk(Chain chain, Keys keys, SignedCheckpoint anchor) {
            this.chain = chain;
            this.keys = keys;
            this.anchor = anchor;
        }

        void broken(long position, String reason) {
            broken = new BrokenLink(chain, position, reason);
        }

        /**
         * After a link is checked and {@link #head} moved to it: its checkpoint (columns from {@code first} on:
         * head hash, signed at, key id, signature, all null without one) and the anchor. False when broken.
         */
        boolean linked(long position, ResultSet rs, int first) throws SQLException {
            lastPosition = position;
            byte[] signedHead = rs.getBytes(first);
            if (signedHead != null) {
                Instant at = rs.getObject(first + 1, OffsetDateTime.class).toInstant();
                String problem =
                        keys.problem(chain, position, signedHead, at, rs.getString(first + 2), rs.getBytes(first + 3));
                if (problem != null) {
                    broken(position, "the signed checkpoint here is not genuine: " + problem);
                    return false;
                }
                if (!Arrays.equals(signedHead, head)) {
                    broken(
                            position,
                            "the chain differs from its signed checkpoint here: rewritten (hashes recomputed)"
                                    + " after signing");
                    return false;
                }
                lastSigned = position;
                checkpoints++;
            }
            if (anchor != null && anchor.position() == position && !Arrays.equals(anchorHead(), head)) {
                broken(position, "the chain differs from the exported anchor here: rewritten or replaced since");
                return false;
            }
            return true;
        }

        /** Checks that need the whole chain: a signed head, no checkpoint past the end, the anchor reached. */
        void finish(Connection c) throws SQLException {
            if (broken != null) {
                return;
            }
            if (anchor != null) {
                String problem = keys.problem(
                        chain,
                        anchor.position(),
                        anchorHead(),
                        anchor.signedAt(),
                        anchor.keyId(),
                        Base64.getDecoder().decode(anchor.signature()));
                if (problem != null) {
                    broken(anchor.position(), "the exported anchor is not genuine: " + problem);
                    return;
                }
                if (anchor.position() > lastPosition) {
                    broken(
                            anchor.position(),
                            "the chain ends at " + lastPosition + ", before the exported anchor: truncated, or the"
                                    + " database rolled back to an earlier state");
                    return;
                }
            }
            try (PreparedStatement s =
                    c.prepareStatement("select min(position) from audit_checkpoint where chain = ? and position > ?")) {
                s.setString(1, chain.name());
                s.setLong(2, lastPosition);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    long beyond = rs.getLong(1);
                    if (!rs.wasNull()) {
                        broken(beyond, "a signed checkpoint past the end of the chain: its newest links were removed");
                        return;
                    }
                }
            }
            if (lastPosition > lastSigned) {
                broken(
                        lastSigned + 1,
                        "links after the last signed checkpoint (at " + lastSigned + "): its newer checkpoints were"
                                + " removed, or links were sealed without the signing key");
            }
        }

        private byte[] anchorHead() {
            return HexFormat.of().parseHex(anchor.headHash());
        }
    }

    private static final class Events extends Walk {
        long checked;
        long gaps;
        long unsealed;

        Events(Keys keys, SignedCheckpoint anchor) {
            super(Chain.EVENT_STORE, keys, anchor);
        }
    }

    private static final String CHECKPOINT_COLUMNS = ", c.head_hash, c.signed_at, c.key_id, c.signature";

    private static void verifyEvents(Connection c, Events result) throws SQLException {
        long lastSealed = maximum(c, "select coalesce(max(globalindex), 0) from event_seal");
        long expected = 1;
        try (PreparedStatement s = c.prepareStatement("select s.globalindex, s.eventidentifier, s.previous_hash,"
                + " s.hash, " + AuditChain.EVENT_COLUMNS + CHECKPOINT_COLUMNS
                + " from event_seal s full join domainevententry e on e.globalindex = s.globalindex"
                + " left join audit_checkpoint c on c.chain = 'EVENT_STORE' and c.position = s.globalindex"
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
                            return;
                        }
                        result.unsealed++;
                        continue;
                    }
                    if (position != expected) {
                        result.broken(expected, "global index missing from both the seal and the event store");
                        return;
                    }
                    if (!Arrays.equals(rs.getBytes(3), result.head)) {
                        result.broken(
                                position,
                                "the seal does not link to the one before: a seal row was removed" + " or changed");
                        return;
                    }
                    boolean gap = rs.getString(2) == null;
                    byte[] hash;
                    if (gap) {
                        if (stored) {
                            result.broken(position, "an event in a sealed gap: inserted after sealing");
                            return;
                        }
                        hash = AuditChain.gapHash(result.head, position);
                    } else {
                        if (!stored) {
                            result.broken(position, "a sealed event is missing: deleted");
                            return;
                        }
                        hash = AuditChain.eventHash(result.head, rs, 5);
                    }
                    if (!Arrays.equals(rs.getBytes(4), hash)) {
                        result.broken(
                                position,
                                gap
                                        ? "the seal of a gap was changed"
                                        : "the event differs from its seal: changed after sealing");
                        return;
                    }
                    result.head = hash;
                    expected++;
                    if (gap) {
                        result.gaps++;
                    } else {
                        result.checked++;
                    }
                    if (!result.linked(position, rs, 15)) {
                        return;
                    }
                }
            }
        }
    }

    private static final class Audit extends Walk {
        long checked;
        long unsealed;

        Audit(Keys keys, SignedCheckpoint anchor) {
            super(Chain.STAFF_AUDIT, keys, anchor);
        }
    }

    private static void verifyAudit(Connection c, Audit result) throws SQLException {
        long lastSealed = maximum(c, "select coalesce(max(audit_id), 0) from staff_audit_seal");
        try (PreparedStatement s = c.prepareStatement("select s.audit_id, s.previous_hash, s.hash, "
                + AuditChain.AUDIT_COLUMNS + CHECKPOINT_COLUMNS
                + " from staff_audit_seal s full join staff_audit a on a.id = s.audit_id"
                + " left join audit_checkpoint c on c.chain = 'STAFF_AUDIT' and c.position = s.audit_id"
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
                            return;
                        }
                        result.unsealed++;
                        continue;
                    }
                    if (!Arrays.equals(rs.getBytes(2), result.head)) {
                        result.broken(
                                position,
                                "the seal does not link to the one before: a record and its seal"
                                        + " were removed, or a seal row was changed");
                        return;
                    }
                    if (!stored) {
                        result.broken(position, "a sealed audit record is missing: deleted");
                        return;
                    }
                    byte[] hash = AuditChain.auditHash(result.head, rs, 4);
                    if (!Arrays.equals(rs.getBytes(3), hash)) {
                        result.broken(position, "the audit record differs from its seal: changed after sealing");
                        return;
                    }
                    result.head = hash;
                    result.checked++;
                    if (!result.linked(position, rs, 13)) {
                        return;
                    }
                }
            }
        }
    }

    private static final class Access extends Walk {
        long checked;
        long gaps;
        long unsealed;

        Access(Keys keys, SignedCheckpoint anchor) {
            super(Chain.CLINICAL_ACCESS, keys, anchor);
        }
    }

    /** Like the event store: contiguous ids from the first sealed one, rolled-back ids sealed as gaps. */
    private static void verifyAccess(Connection c, Access result) throws SQLException {
        long lastSealed = maximum(c, "select coalesce(max(access_id), 0) from clinical_access_log_seal");
        long expected = -1;
        try (PreparedStatement s = c.prepareStatement("select s.access_id, s.gap, s.previous_hash, s.hash, "
                + AuditChain.ACCESS_COLUMNS + CHECKPOINT_COLUMNS
                + " from clinical_access_log_seal s full join clinical_access_log l on l.id = s.access_id"
                + " left join audit_checkpoint c on c.chain = 'CLINICAL_ACCESS' and c.position = s.access_id"
                + " order by coalesce(s.access_id, l.id)")) {
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
                                    "an access-log entry without a seal row: inserted after sealing, or its seal"
                                            + " row removed");
                            return;
                        }
                        result.unsealed++;
                        continue;
                    }
                    if (expected >= 0 && position != expected) {
                        result.broken(expected, "access-log id missing from both the seal and the log");
                        return;
                    }
                    if (!Arrays.equals(rs.getBytes(3), result.head)) {
                        result.broken(
                                position,
                                "the seal does not link to the one before: a seal row was removed or changed");
                        return;
                    }
                    boolean gap = rs.getBoolean(2);
                    byte[] hash;
                    if (gap) {
                        if (stored) {
                            result.broken(position, "an access-log entry in a sealed gap: inserted after sealing");
                            return;
                        }
                        hash = AuditChain.accessGapHash(result.head, position);
                    } else {
                        if (!stored) {
                            result.broken(position, "a sealed access-log entry is missing: deleted");
                            return;
                        }
                        hash = AuditChain.accessHash(result.head, rs, 5);
                    }
                    if (!Arrays.equals(rs.getBytes(4), hash)) {
                        result.broken(
                                position,
                                gap
                                        ? "the seal of a gap was changed"
                                        : "the access-log entry differs from its seal: changed after sealing");
                        return;
                    }
                    result.head = hash;
                    expected = position + 1;
                    if (gap) {
                        result.gaps++;
                    } else {
                        result.checked++;
                    }
                    if (!result.linked(position, rs, 13)) {
                        return;
                    }
                }
            }
        }
    }

    private static long maximum(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
