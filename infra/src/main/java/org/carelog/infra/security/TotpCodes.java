package org.carelog.infra.security;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps expect them: SHA-1, 6 digits, 30-second
 * steps, one step of clock drift either way. Secrets are stored AES-GCM encrypted.
 */
@Component
class TotpCodes {

    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    private static final int GCM_NONCE = 12;

    private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32); // 160 bits
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final SecretKey key;
    private final String issuer;

    TotpCodes(Clock clock, JdbcTemplate jdbc, SecurityProperties properties) {
        this.clock = clock;
        this.key = new SecretKeySpec(key(properties.mfa().encryptionKey(), jdbc), "AES");
        this.issuer = properties.mfa().issuerLabel();
    }

    /** A fresh base32 secret. */
    String newSecret() {
        return secrets.generate();
    }

    /** The {@code otpauth://} URI an authenticator app reads (usually from a QR code). */
    String uri(String username, String secret) {
        String label = encode(issuer) + ":" + encode(username);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&algorithm=SHA1&digits="
                + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    long currentStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
    }

    /** The time step (now, or one either side) whose code this is, if any. */
    OptionalLong matchingStep(String secret, String code) {
        if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] given = code.strip().getBytes(StandardCharsets.US_ASCII);
        long now = currentStep();
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(given, codeAt(secret, step).getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    String codeAt(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("cannot compute a TOTP code", e);
        }
    }

    byte[] seal(String secret) {
        try {
            byte[] nonce = new byte[GCM_NONCE];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a TOTP secret", e);
        }
    }

    String open(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, GCM_NONCE));
            return new String(cipher.doFinal(sealed, GCM_NONCE, sealed.length - GCM_NONCE), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a TOTP secret (was the MFA key changed?)", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] key(String configured, JdbcTemplate jdbc) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length != 16 && key.length != 32) {
                throw new IllegalArgumentException(
                        "carelog.security.mfa.encryption-key must be 16 or 32 bytes (base64)");
            }
            return key;
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.update("insert into mfa_secret_key (id, secret) values (1, ?) on conflict do nothing", fresh);
        return jdbc.queryForObject("select secret from mfa_secret_key where id = 1", byte[].class);
    }
}
