package org.carelog.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.subtle.Ed25519Verify;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The audit signing key's sources, its ids, rotation, and that its material never reaches a log. */
@ExtendWith(OutputCaptureExtension.class)
class AuditSigningKeysTest {

    @TempDir
    Path work;

    @Test
    void aMissingKeyFileIsGeneratedOwnerOnlyLoggedByPathNeverByContent(CapturedOutput output) throws Exception {
        Path file = work.resolve("keys/audit-signing.key");

        AuditSigningKeys first = AuditSigningKeys.load(null, file);
        AuditSigningKeys second = AuditSigningKeys.load("", file);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(second.primaryKeyId()).isEqualTo(first.primaryKeyId());
        String content = Files.readString(file, StandardCharsets.US_ASCII).strip();
        assertThat(output.getAll()).contains(file.toString()).contains("audit signing key");
        assertThat(output.getAll()).doesNotContain(content).doesNotContain(content.substring(0, 24));
        assertThat(first.toString()).doesNotContain(content.substring(0, 24)).contains(first.primaryKeyId());
    }

    @Test
    void aSignatureVerifiesWithThePublicKeyItsIdPinsAndWithNoOther() throws Exception {
        AuditSigningKeys keys = AuditSigningKeys.load(AuditSigningKeys.generateEncoded(), work.resolve("unused"));
        byte[] head = new byte[32];
        byte[] message = AuditChain.checkpointMessage("EVENT_STORE", 7, head, Instant.EPOCH, keys.primaryKeyId());
        byte[] signature = keys.sign(message);
        byte[] publicKey = keys.publicKeys().get(keys.primaryKeyId());

        assertThat(AuditSigningKeys.keyId(publicKey)).isEqualTo(keys.primaryKeyId());
        new Ed25519Verify(publicKey).verify(signature, message);
        byte[] otherPosition = AuditChain.checkpointMessage("EVENT_STORE", 8, head, Instant.EPOCH, keys.primaryKeyId());
        assertThatThrownBy(() -> new Ed25519Verify(publicKey).verify(signature, otherPosition))
                .isInstanceOf(java.security.GeneralSecurityException.class);
        assertThat(work.resolve("unused")).doesNotExist();
    }

    @Test
    void rotationAddsANewSigningKeyAndKeepsTheOldOnes() throws Exception {
        Path file = work.resolve("audit-signing.key");
        String old = AuditSigningKeys.load(null, file).primaryKeyId();

        String added = AuditSigningKeys.rotate(file);
        AuditSigningKeys rotated = AuditSigningKeys.read(file);

        assertThat(added).isNotEqualTo(old);
        assertThat(rotated.primaryKeyId()).isEqualTo(added);
        assertThat(rotated.publicKeys()).containsOnlyKeys(old, added);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aBadConfiguredKeyIsRefusedWithoutEchoingIt(CapturedOutput output) {
        String bad = "bm90LWEta2V5c2V0LWF0LWFsbA==";
        assertThatThrownBy(() -> AuditSigningKeys.load(bad, work.resolve("never.key")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(bad)
                .hasNoCause();
        assertThat(output.getAll()).doesNotContain(bad);
        assertThat(work.resolve("never.key")).doesNotExist();
    }
}
