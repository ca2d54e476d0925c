package org.carelog.infra.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.carelog.infra.audit.AuditTrailVerification.Chain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signs the head of a chain into audit_checkpoint, in the sealing transaction, with the primary key of the audit
 * signing keyset. On creation it records the keyset's public keys (public only) in audit_signing_key.
 */
@Component
class CheckpointSigner {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditSigningKeys keys;
    private final Set<String> trustedKeyIds;

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
        String seals = chain == Chain.EVENT_STORE
                ? "select globalindex, hash from event_seal order by globalindex desc limit 1"
                : "select audit_id, hash from staff_audit_seal order by audit_id desc limit 1";
        List<Object[]> head = jdbc.query(seals, (rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)});
        if (head.isEmpty()) {
            return;
        }
        long position = (long) head.get(0)[0];
        byte[] hash = (byte[]) head.get(0)[1];
        long signed = jdbc.queryForObject(
                "select coalesce(max(position), 0) from audit_checkpoint where chain = ?", Long.class, chain.name());
        if (signed >= position) {
            return;
        }
        // timestamptz keeps microseconds: sign what is stored
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String keyId = keys.primaryKeyId();
        byte[] signature = keys.sign(AuditChain.checkpointMessage(chain.name(), position, hash, at, keyId));
        jdbc.update(
                "insert into audit_checkpoint (chain, position, head_hash, signed_at, key_id, signature)"
                        + " values (?, ?, ?, ?, ?, ?)",
                chain.name(),
                position,
                hash,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                keyId,
                signature);
    }
}
