package org.carelog.infra.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param jwt Carelog's own access tokens
 * @param oidc an external OpenID Connect issuer whose tokens are accepted too (optional)
 */
@ConfigurationProperties("carelog.security")
public record SecurityProperties(@DefaultValue Jwt jwt, @DefaultValue Oidc oidc) {

    /**
     * @param secret base64 HMAC key of at least 32 bytes; when empty, one is generated on first start
     *     and kept in the database so every node and restart shares it
     * @param ttl how long an access token is valid
     * @param issuer the {@code iss} claim of Carelog's own tokens
     */
    public record Jwt(String secret, @DefaultValue("PT30M") Duration ttl, @DefaultValue("carelog") String issuer) {}

    /**
     * @param issuerUri the external issuer (its discovery document is read on first use)
     * @param rolesClaim the claim holding Carelog role names (a string or a list)
     * @param usernameClaim the claim naming the user
     */
    public record Oidc(
            URI issuerUri,
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("preferred_username") String usernameClaim) {}
}
