package org.carelog.infra.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.carelog.infra.audit.AuditTrailVerification.Chain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Signs the head of a chain into audit_checkpoint, in the sealing transaction, with the primary key of the audit
 * signing keyset. On creation it records the keyset's public keys (public only) in audit_signing_key. It refuses to
 * sign once the chain no longer holds the last head it signed itself, so a rewrite below a signed head (with the
 * newer checkpoints deleted) does not get the rewritten chain signed while this node runs.
 */
@Component
class CheckpointSigner {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditSigningKeys keys;
    private final Set<String> trustedKeyIds;
    /** The last head this instance signed per chain: it never signs over a chain changed below it. */
    private final Map<Chain, Signed> lastSigned = new ConcurrentHashMap<>();

    private record Signed(long position, byte[] hash) {}

    /** The stored chain no longer has the head this node signed: someone rewrote it. Sealing stops. */
    static final class ChainRewritten extends IllegalStateException {
        ChainRewritten(Chain chain, long position) {
            super("the " + chain + " chain changed below the head this node signed at position " + position
                    + ": refusing to extend or sign it; run verify-audit against an anchor");
        }
    }

    @Autowired
    CheckpointSigner(JdbcTemplate jdbc, Clock clock, AuditProperties properties) {
        this(
                jdbc,
                clock,
                AuditSigningKeys.load(properties.signingKey(), properties.signingKeyFile()),
                properties.trustedKeyIds());
    }

    CheckpointSigner(JdbcTemplate jdbc, Clock clock, AuditSigningKeys keys, List<String> furtherTrustedKeyIds) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keys = keys;
        Set<String> trusted = new HashSet<>(keys.publicKeys().keySet());
        trusted.addAll(furtherTrustedKeyIds);
        this.trustedKeyIds = Set.copyOf(trusted);
        keys.publicKeys()
                .forEach((id, publicKey) -> jdbc.update(
                        "insert into audit_signing_key (key_id, algorithm, public_key) values (?, 'ED25519', ?)"
                                + " on conflict (key_id) do nothing",
                        id,
                        publicKey));
    }

    /** The key ids whose checkpoints verification accepts. */
    Set<String> trustedKeyIds() {
        return trustedKeyIds;
    }

    /**
     * Signs the chain's current head unless it is signed already. Call in the sealing transaction, holding the
     * chain's lock, after the seal rows are written.
     */
    void signHead(Chain chain) {
        String table =
                switch (chain) {
                    case EVENT_STORE -> "event_seal";
                    case STAFF_AUDIT -> "staff_audit_seal";
                    case CLINICAL_ACCESS -> "clinical_access_log_seal";
                };
        String position =
                switch (chain) {
                    case EVENT_STORE -> "globalindex";
                    case STAFF_AUDIT -> "audit_id";
                    case CLINICAL_ACCESS -> "access_id";
                };
        Signed before = lastSigned.get(chain);
        if (before != null) {
            List<byte[]> stored = jdbc.query(
                    "select hash from " + table + " where " + position + " = ?",
                    (rs, n) -> rs.getBytes(1),
                    before.position());
            if (stored.size() != 1 || !Arrays.equals(stored.get(0), before.hash())) {
                throw new ChainRewritten(chain, before.position());
            }
        }
        List<Object[]> head = jdbc.query(
                "select " + position + ", hash from " + table + " order by " + position + " desc limit 1",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)});
        if (head.isEmpty()) {
            return;
        }
        long headPosition = (long) head.get(0)[0];
        byte[] hash = (byte[]) head.get(0)[1];
        long signed = jdbc.queryForObject(
                "select coalesce(max(position), 0) from audit_checkpoint where chain = ?", Long.class, chain.name());
        if (signed >= headPosition) {
            return;
        }
        // timestamptz keeps microseconds: sign what is stored
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String keyId = keys.primaryKeyId();
        byte[] signature = keys.sign(AuditChain.checkpointMessage(chain.name(), headPosition, hash, at, keyId));
        jdbc.update(
                "insert into audit_checkpoint (chain, position, head_hash, signed_at, key_id, signature)"
                        + " values (?, ?, ?, ?, ?, ?)",
                chain.name(),
                headPosition,
                hash,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                keyId,
                signature);
        Signed now = new Signed(headPosition, hash);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            lastSigned.put(chain, now);
            return;
        }
        // remembered only once committed: the head of a rolled-back sealing was never stored
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    lastSigned.put(chain, now);
                }
            }
        });
    }
}
