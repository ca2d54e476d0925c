package org.carelog.infra.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: long enough, within bcrypt's 72 bytes, not on the list of common and
 * breached passwords shipped with Carelog (security/common-passwords.txt), not built on the user name.
 */
@Component
class PasswordPolicy {

    static final String COMMON_PASSWORDS = "security/common-passwords.txt";
    private static final int BCRYPT_MAX_BYTES = 72;

    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(SecurityProperties properties) {
        this.minLength = properties.password().minLength();
        this.common = load();
    }

    /** Why this password may not be used by that user, or empty when it may. */
    Optional<String> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < minLength) {
            return Optional.of("A password needs at least " + minLength + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            return Optional.of("A password may have at most " + BCRYPT_MAX_BYTES + " bytes (about 24 Bangla letters)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("A password may not contain the user name");
        }
        String base = lower.replaceAll("[^\\p{L}]+$", "");
        if (common.contains(lower) || (base.length() >= 4 && common.contains(base))) {
            return Optional.of("This password is too common: it appears in lists of leaked passwords");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(64_000);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource(COMMON_PASSWORDS).getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COMMON_PASSWORDS, e);
        }
        return Set.copyOf(words);
    }
}
