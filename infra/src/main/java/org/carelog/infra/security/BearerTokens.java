package org.carelog.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.carelog.api.common.Role;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens by their issuer: Carelog's own (checked against their session on every use) and an
 * external OpenID Connect issuer's when one is configured. The same rules for HTTP requests and for
 * WebSocket connections.
 */
@Component
class BearerTokens {

    private final JwtIssuerAuthenticationManagerResolver resolver;

    BearerTokens(
            AccessTokens tokens, Sessions sessions, PatientSessions patientSessions, SecurityProperties properties) {
        Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
        AuthenticationManager own = manager(tokens.decoder(), AccessTokens.ROLE_CLAIM, "sub");
        // Carelog's own tokens are only as good as their session: checked on every request. A patient's token is
        // backed by a patient session, and its principal carries the patient that session proved.
        managers.put(tokens.issuer(), bearer -> {
            Jwt jwt = ((JwtAuthenticationToken) own.authenticate(bearer)).getToken();
            return Role.PATIENT.name().equals(jwt.getClaimAsString(AccessTokens.ROLE_CLAIM))
                    ? patientSessions.check(jwt)
                    : sessions.check(jwt);
        });
        SecurityProperties.Oidc oidc = properties.oidc();
        String external = oidc.issuerUri() == null ? null : oidc.issuerUri().toString();
        resolver = new JwtIssuerAuthenticationManagerResolver(issuer -> {
            if (issuer.equals(external)) {
                return managers.computeIfAbsent(
                        issuer,
                        i -> manager(JwtDecoders.fromIssuerLocation(i), oidc.rolesClaim(), oidc.usernameClaim()));
            }
            return managers.get(issuer);
        });
    }

    AuthenticationManagerResolver<HttpServletRequest> resolver() {
        return resolver;
    }

    private static AuthenticationManager manager(JwtDecoder decoder, String rolesClaim, String usernameClaim) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(new SecurityConfiguration.RolesFromClaim(rolesClaim, usernameClaim));
        return provider::authenticate;
    }

    /** Reads the issuer from the token it is given, so it needs no request. */
    AuthenticationManager manager() {
        return resolver.resolve(null);
    }
}
