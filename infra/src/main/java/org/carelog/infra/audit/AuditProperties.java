package org.carelog.infra.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tamper-evidence settings.
 *
 * @param sealInterval how often the event sealer looks for new events to seal
 * @param sealBatchSize how many events it seals in one transaction (and signs one checkpoint for)
 * @param signingKey the Ed25519 keyset that signs checkpoints, as a base64 Tink keyset. Takes precedence over
 *     the file. Never stored in the database.
 * @param signingKeyFile where the signing keyset is read from when {@code signingKey} is not set; generated there
 *     (owner-only permissions) on first start. Keep it outside the data directory and its backups.
 * @param trustedKeyIds ids of further public keys whose checkpoints verification accepts (keys retired from the
 *     keyset); the keyset's own keys are always trusted
 */
@ConfigurationProperties("carelog.audit")
record AuditProperties(
        @DefaultValue("PT1S") Duration sealInterval,
        @DefaultValue("1000") int sealBatchSize,
        String signingKey,
        @DefaultValue("./carelog-keys/audit-signing.key") Path signingKeyFile,
        @DefaultValue List<String> trustedKeyIds) {}
