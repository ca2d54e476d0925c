package org.carelog.infra.privacy;

import java.nio.file.Path;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How personal data in stored messages is protected.
 *
 * @param masterKey the master key as a base64 Tink keyset (AES256_GCM); wraps every patient's key.
 *     Takes precedence over the file. Never stored in the database.
 * @param masterKeyFile where the master key is read from when {@code masterKey} is not set; generated
 *     there (owner-only permissions) on first start. Keep it outside the data directory and its backups.
 * @param clinicalRetention how long after a patient's last recorded activity their clinical record must
 *     be kept; erasure is refused until then. Zero switches the rule off.
 * @param keyCacheSize how many unwrapped patient keys are kept in memory
 */
@ConfigurationProperties("carelog.privacy")
public record PrivacyProperties(
        String masterKey,
        @DefaultValue("./carelog-keys/master.key") Path masterKeyFile,
        @DefaultValue("P10Y") Period clinicalRetention,
        @DefaultValue("10000") int keyCacheSize) {

    public PrivacyProperties {
        if (clinicalRetention.isNegative()) {
            throw new IllegalArgumentException("carelog.privacy.clinical-retention must not be negative");
        }
        if (keyCacheSize < 1) {
            throw new IllegalArgumentException("carelog.privacy.key-cache-size must be at least 1");
        }
    }
}
