package org.carelog.infra.security;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.carelog.api.common.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param jwt Carelog's own access tokens
 * @param oidc an external OpenID Connect issuer whose tokens are accepted too (optional)
 * @param password rules for new passwords
 * @param lockout what repeated failed sign-ins cost
 * @param session how long a session behind one of Carelog's tokens lives
 * @param mfa multi-factor authentication with TOTP
 */
@ConfigurationProperties("carelog.security")
public record SecurityProperties(
        @DefaultValue Jwt jwt,
        @DefaultValue Oidc oidc,
        @DefaultValue Password password,
        @DefaultValue Lockout lockout,
        @DefaultValue Session session,
        @DefaultValue Mfa mfa) {

    /**
     * @param secret base64 HMAC key of at least 32 bytes; when empty, one is generated on first start
     *     and kept in the database so every node and restart shares it
     * @param issuer the {@code iss} claim of Carelog's own tokens
     */
    public record Jwt(String secret, @DefaultValue("carelog") String issuer) {}

    /**
     * @param issuerUri the external issuer (its discovery document is read on first use)
     * @param rolesClaim the claim holding Carelog role names (a string or a list)
     * @param usernameClaim the claim naming the user
     */
    public record Oidc(
            URI issuerUri,
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("preferred_username") String usernameClaim) {}

    /** @param minLength fewest characters a new password may have */
    public record Password(@DefaultValue("12") int minLength) {}

    /**
     * @param maxFailures failed sign-ins in a row that lock the account
     * @param backOff how long the first lock lasts; each further lock in a row doubles it
     * @param maxBackOff the longest a lock lasts
     */
    public record Lockout(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("PT1M") Duration backOff,
            @DefaultValue("PT1H") Duration maxBackOff) {}

    /**
     * @param absoluteLifetime a session (and its token) ends this long after sign-in, used or not
     * @param idleTimeout a session unused this long ends, for roles not in {@code idleTimeoutByRole}
     * @param idleTimeoutByRole idle timeouts per role (clinical roles: 15 minutes)
     * @param touchInterval last use is written at most this often per session (a write per request
     *     otherwise); an idle timeout may so end a session up to this much early
     */
    public record Session(
            @DefaultValue("PT12H") Duration absoluteLifetime,
            @DefaultValue("PT30M") Duration idleTimeout,
            Map<Role, Duration> idleTimeoutByRole,
            @DefaultValue("PT1M") Duration touchInterval) {

        public Session {
            idleTimeoutByRole = idleTimeoutByRole == null
                    ? Map.of(Role.DOCTOR, Duration.ofMinutes(15), Role.NURSE, Duration.ofMinutes(15))
                    : Map.copyOf(idleTimeoutByRole);
        }

        Duration idleTimeoutFor(Role role) {
            return idleTimeoutByRole.getOrDefault(role, idleTimeout);
        }
    }

    /**
     * @param requiredRoles roles whose users must sign in with a TOTP code
     * @param encryptionKey base64 AES key (16 or 32 bytes) for stored TOTP secrets; when empty, one is
     *     generated on first start and kept in the database
     * @param issuerLabel the name authenticator apps show for Carelog
     */
    public record Mfa(
            @DefaultValue({"DOCTOR", "ADMIN"}) Set<Role> requiredRoles,
            String encryptionKey,
            @DefaultValue("Carelog") String issuerLabel) {

        public Mfa {
            requiredRoles = requiredRoles == null ? Set.of() : Set.copyOf(requiredRoles);
        }
    }
}
