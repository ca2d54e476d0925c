package org.carelog.infra.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.carelog.api.common.Role;
import org.carelog.api.portal.SignedInPatient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Carelog's own bearer tokens (HS256 JWTs) for its staff: issued after a password sign-in, checked
 * without a password hash on every request; each one is backed by a session row checked on every request.
 */
@Component
public class AccessTokens {

    public static final String ROLE_CLAIM = "role";

    private final SecurityProperties.Jwt settings;
    private final Clock clock;
    private final Sessions sessions;
    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;

    AccessTokens(SecurityProperties properties, JdbcTemplate jdbc, Clock clock, Sessions sessions) {
        this.settings = properties.jwt();
        this.clock = clock;
        this.sessions = sessions;
        SecretKey key = new SecretKeySpec(secret(settings.secret(), jdbc), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
    }

    /**
     * A token for a user who has just proved who they are, backed by a new session whose id is the
     * token's {@code jti}. It expires with the session's absolute lifetime; idle timeout, logout and
     * revocation end it earlier (see {@link Sessions}).
     */
    public IssuedToken issue(Authentication user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        Role role = Role.valueOf(SignedInStaff.roleOf(user).orElseThrow());
        boolean enrollmentOnly = SignedInStaff.enrollmentOnly(user);
        Duration lifetime = sessions.absoluteLifetime();
        UUID session = sessions.open(user.getName(), role, enrollmentOnly, now);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .id(session.toString())
                .issuer(settings.issuer())
                .subject(user.getName())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(ROLE_CLAIM, role.name())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }

    /** A token for a patient who has just signed in, backed by their new session {@code session}. */
    IssuedToken issueForPatient(SignedInPatient patient, UUID session, Instant now, Duration lifetime) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .id(session.toString())
                .issuer(settings.issuer())
                .subject(patient.getName())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(ROLE_CLAIM, Role.PATIENT.name())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new IssuedToken(token, "Bearer", lifetime.toSeconds());
    }

    JwtDecoder decoder() {
        return decoder;
    }

    String issuer() {
        return settings.issuer();
    }

    /** The access token response, in the OAuth 2.0 shape clients know. */
    public record IssuedToken(String access_token, String token_type, long expires_in) {}

    private static byte[] secret(String configured, JdbcTemplate jdbc) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length < 32) {
                throw new IllegalArgumentException("carelog.security.jwt.secret must be at least 32 bytes (base64)");
            }
            return key;
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.update("insert into token_signing_key (id, secret) values (1, ?) on conflict do nothing", fresh);
        return jdbc.queryForObject("select secret from token_signing_key where id = 1", byte[].class);
    }
}
