package org.carelog.infra.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * The hashes of both chains: {@code hash = SHA-256(previous_hash || canonical bytes of the row)}. Canonical bytes
 * are a domain tag, then each column in a fixed order, length-prefixed (-1 for null), so no two different rows
 * encode alike.
 */
final class AuditChain {

    /** The previous hash of the first link. */
    static final byte[] GENESIS = new byte[32];

    /** pg_advisory_xact_lock keys: one writer per chain at a time. */
    static final long EVENT_SEAL_LOCK = 0x6361726c6f670001L;

    static final long STAFF_AUDIT_LOCK = 0x6361726c6f670002L;

    static final long ACCESS_LOG_LOCK = 0x6361726c6f670003L;

    /** The columns of clinical_access_log a seal covers, in canonical order. */
    static final String ACCESS_COLUMNS =
            "l.id, l.occurred_at, l.username, l.role, l.patient_id, l.view, l.request_id, l.break_glass_id";

    /** The columns of domainevententry a seal covers, in canonical order. */
    static final String EVENT_COLUMNS = "e.globalindex, e.aggregateidentifier, e.sequencenumber, e.type,"
            + " e.eventidentifier, e.payloadtype, e.payloadrevision, e.payload, e.metadata, e.timestamp";

    static final String AUDIT_COLUMNS =
            "a.id, a.occurred_at, a.actor, a.action, a.target, a.old_value, a.new_value, a.request_id,"
                    + " a.idempotency_key";

    private AuditChain() {}

    /** The event in the current row, read with {@link #EVENT_COLUMNS} from column {@code first} on. */
    static byte[] eventHash(byte[] previous, ResultSet rs, int first) throws SQLException {
        Canonical c = new Canonical("carelog-event-v1");
        c.number(rs.getLong(first));
        c.text(rs.getString(first + 1));
        c.number(rs.getLong(first + 2));
        c.text(rs.getString(first + 3));
        c.text(rs.getString(first + 4));
        c.text(rs.getString(first + 5));
        c.text(rs.getString(first + 6));
        c.bytes(rs.getBytes(first + 7));
        c.bytes(rs.getBytes(first + 8));
        c.text(rs.getString(first + 9));
        return c.hash(previous);
    }

    /** A global index that no event will ever have (its transaction rolled back). */
    static byte[] gapHash(byte[] previous, long globalIndex) {
        Canonical c = new Canonical("carelog-gap-v1");
        c.number(globalIndex);
        return c.hash(previous);
    }

    /** The staff_audit row in the current row, read with {@link #AUDIT_COLUMNS} from column {@code first} on. */
    static byte[] auditHash(byte[] previous, ResultSet rs, int first) throws SQLException {
        Canonical c = new Canonical("carelog-staff-audit-v1");
        c.number(rs.getLong(first));
        Instant occurred = rs.getObject(first + 1, OffsetDateTime.class).toInstant();
        c.number(occurred.getEpochSecond());
        c.number(occurred.getNano());
        for (int i = 2; i <= 8; i++) {
            c.text(rs.getString(first + i));
        }
        return c.hash(previous);
    }

    /** The clinical_access_log row in the current row, read with {@link #ACCESS_COLUMNS} from column {@code first}. */
    static byte[] accessHash(byte[] previous, ResultSet rs, int first) throws SQLException {
        Canonical c = new Canonical("carelog-clinical-access-v1");
        c.number(rs.getLong(first));
        Instant occurred = rs.getObject(first + 1, OffsetDateTime.class).toInstant();
        c.number(occurred.getEpochSecond());
        c.number(occurred.getNano());
        for (int i = 2; i <= 6; i++) {
            c.text(rs.getString(first + i));
        }
        c.text(rs.getString(first + 7)); // break_glass_id as text, null when none
        return c.hash(previous);
    }

    /** An access-log id that no row will ever have (its insert rolled back). */
    static byte[] accessGapHash(byte[] previous, long id) {
        Canonical c = new Canonical("carelog-clinical-access-gap-v1");
        c.number(id);
        return c.hash(previous);
    }

    /**
     * What a signed checkpoint signs: the chain, the position of its head, the head hash, when and with which
     * key. Signing the key id too stops a signature from being passed off as another key's.
     */
    static byte[] checkpointMessage(String chain, long position, byte[] head, Instant signedAt, String keyId) {
        Canonical c = new Canonical("carelog-checkpoint-v1");
        c.text(chain);
        c.number(position);
        c.bytes(head);
        c.number(signedAt.getEpochSecond());
        c.number(signedAt.getNano());
        c.text(keyId);
        return c.buffer.toByteArray();
    }

    static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    private static final class Canonical {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        private final DataOutputStream out = new DataOutputStream(buffer);

        Canonical(String tag) {
            text(tag);
        }

        void number(long value) {
            try {
                out.writeLong(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void text(String value) {
            bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] value) {
            try {
                if (value == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(value.length);
                    out.write(value);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] hash(byte[] previous) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(previous);
                sha.update(buffer.toByteArray());
                return sha.digest();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }
    }
}
