package org.carelog.infra.audit;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.carelog.infra.config.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 keys that sign the audit chains' checkpoints: a Tink keyset from configuration or from a key file
 * outside the database (generated on first start, owner-only). The primary key signs; every key of the keyset is
 * trusted for verification, so a rotation adds a new primary and keeps the old keys. A key's id is a fingerprint
 * of its public key, so pinning an id pins the key. Never logs or echoes key material.
 */
public final class AuditSigningKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditSigningKeys.class);

    static {
        try {
            SignatureConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink's signature primitives could not be registered", e);
        }
    }

    private final PublicKeySign signer;
    private final String primaryKeyId;
    /** Key id to raw 32-byte public key, for every key of the keyset. */
    private final Map<String, byte[]> publicKeys;

    private AuditSigningKeys(KeysetHandle handle) throws GeneralSecurityException {
        this.signer = handle.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String primary = null;
        for (int i = 0; i < handle.size(); i++) {
            KeysetHandle.Entry entry = handle.getAt(i);
            if (!(entry.getKey() instanceof Ed25519PrivateKey key)) {
                throw new GeneralSecurityException("not an Ed25519 key");
            }
            byte[] raw = key.getPublicKey().getPublicKeyBytes().toByteArray();
            keys.put(keyId(raw), raw);
            if (entry.isPrimary()) {
                primary = keyId(raw);
            }
        }
        this.primaryKeyId = primary;
        this.publicKeys = Map.copyOf(keys);
    }

    /** The configured keyset, else the key file's, else a new one written to the key file. */
    public static AuditSigningKeys load(String configured, Path keyFile) {
        if (configured != null && !configured.isBlank()) {
            return parse(configured);
        }
        Path file = keyFile.toAbsolutePath().normalize();
        try {
            if (KeyFiles.createIfMissing(file, AuditSigningKeys::generateEncoded)) {
                log.warn(
                        "Generated a new audit signing key in {}. Back it up apart from the database: checkpoints"
                                + " signed with it can only be verified while its key id is trusted.",
                        file);
            }
            return parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("the audit signing key file could not be read or written", e);
        }
    }

    /** Reads an existing key file, for tools that only verify. */
    public static AuditSigningKeys read(Path keyFile) {
        try {
            return parse(Files.readString(keyFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("the audit signing key file could not be read", e);
        }
    }

    /** A new keyset as configuration takes it: base64 of a Tink keyset with one Ed25519 key. */
    public static String generateEncoded() {
        try {
            return encode(KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519WithRawOutput));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an audit signing key could not be generated", e);
        }
    }

    /**
     * Adds a new Ed25519 key to the key file's keyset and makes it the primary; the old keys stay, so checkpoints
     * they signed remain verifiable. Returns the new key's id. Carelog signs with it after a restart.
     */
    public static String rotate(Path keyFile) {
        try {
            KeysetHandle current = handle(Files.readString(keyFile, StandardCharsets.US_ASCII));
            KeysetHandle rotated = KeysetHandle.newBuilder(current)
                    .addEntry(
                            KeysetHandle.generateEntryFromParameters(PredefinedSignatureParameters.ED25519WithRawOutput)
                                    .withRandomId()
                                    .makePrimary())
                    .build();
            Path temporary = keyFile.resolveSibling(keyFile.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            KeyFiles.createOwnerOnly(temporary);
            Files.writeString(temporary, encode(rotated) + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new AuditSigningKeys(rotated).primaryKeyId;
        } catch (IOException e) {
            throw new UncheckedIOException("the audit signing key file could not be rotated", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a new audit signing key could not be generated");
        }
    }

    /** A key's id: the first 16 bytes of SHA-256 over its raw public key, in hex. */
    public static String keyId(byte[] publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return AuditChain.hex(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    String primaryKeyId() {
        return primaryKeyId;
    }

    /** Every key's id and raw public key. */
    public Map<String, byte[]> publicKeys() {
        return publicKeys;
    }

    byte[] sign(byte[] message) {
        try {
            return signer.sign(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing an audit checkpoint failed", e);
        }
    }

    @Override
    public String toString() {
        return "AuditSigningKeys[primary " + primaryKeyId + ", " + publicKeys.size() + " keys]";
    }

    private static AuditSigningKeys parse(String encoded) {
        try {
            return new AuditSigningKeys(handle(encoded));
        } catch (GeneralSecurityException e) {
            throw invalid();
        }
    }

    private static KeysetHandle handle(String encoded) {
        try {
            return TinkProtoKeysetFormat.parseKeyset(
                    Base64.getDecoder().decode(encoded.strip()), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The exception text of a parse could echo key material: never pass it on. */
    private static IllegalStateException invalid() {
        return new IllegalStateException("the audit signing key is not a valid base64 Tink Ed25519 keyset");
    }

    private static String encode(KeysetHandle handle) throws GeneralSecurityException {
        return Base64.getEncoder()
                .encodeToString(TinkProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
    }
}
