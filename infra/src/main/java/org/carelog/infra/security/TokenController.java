package org.carelog.infra.security;

import org.carelog.infra.security.AccessTokens.IssuedToken;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /auth/token} with HTTP Basic credentials returns a bearer token for that user. */
@RestController
class TokenController {

    private final AccessTokens tokens;

    TokenController(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/auth/token")
    ResponseEntity<IssuedToken> token(Authentication user) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens.issue(user));
    }
}
