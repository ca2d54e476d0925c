package org.carelog.infra.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.carelog.infra.config.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The master key that wraps every patient's key: from configuration, or from a key file. */
final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's AEAD primitives could not be registered", e);
        }
    }

    private MasterKey() {}

    /** The configured key, else the key file's, else a new one written to the key file. */
    static Aead load(PrivacyProperties properties) {
        try {
            if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
                return parse(properties.masterKey());
            }
            Path file = properties.masterKeyFile().toAbsolutePath().normalize();
            if (KeyFiles.createIfMissing(file, MasterKey::generateEncoded)) {
                log.warn(
                        "Generated a new master key for personal data in {}. Back it up apart from the database:"
                                + " without it no patient's personal data can be read.",
                        file);
            }
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("the master key file could not be read or written", e);
        }
    }

    /** A new master key as configuration takes it: a base64 Tink keyset (AES256_GCM). */
    static String generateEncoded() {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return Base64.getEncoder()
                    .encodeToString(TinkProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a master key could not be generated", e);
        }
    }

    static Aead parse(String encoded) {
        try {
            KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(
                    Base64.getDecoder().decode(encoded.strip()), InsecureSecretKeyAccess.get());
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The exception text could echo key material: never pass it on.
            throw new IllegalStateException("the master key is not a valid base64 Tink AEAD keyset");
        }
    }
}
