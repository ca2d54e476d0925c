package org.carelog.infra.security;

import org.carelog.infra.security.AccessTokens.IssuedToken;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/token} with HTTP Basic credentials (and {@code X-Carelog-OTP} for roles that need
 * MFA) returns a bearer token for a new session; {@code POST /auth/logout} with that token ends it.
 */
@RestController
class TokenController {

    private final AccessTokens tokens;
    private final Sessions sessions;

    private final PatientSessions patientSessions;

    TokenController(AccessTokens tokens, Sessions sessions, PatientSessions patientSessions) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.patientSessions = patientSessions;
    }

    @PostMapping(SignInDetails.TOKEN_PATH)
    ResponseEntity<IssuedToken> token(Authentication user) {
        if (!(user.getPrincipal() instanceof SignedInStaff)) {
            // Only a password sign-in opens a session: a token does not buy another token.
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens.issue(user));
    }

    @PostMapping("/auth/logout")
    ResponseEntity<Void> logout(Authentication user) {
        if (user instanceof JwtAuthenticationToken jwt
                && tokens.issuer().equals(jwt.getToken().getClaimAsString("iss"))) {
            sessions.revoke(jwt.getToken().getId());
        } else if (user instanceof PatientAuthentication patient) {
            patientSessions.revoke(patient.session().toString());
        }
        return ResponseEntity.noContent().build();
    }
}
