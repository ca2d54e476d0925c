package org.carelog.infra.security;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;

/** {@code me}: who is signed in. */
@Controller
class CurrentUserQuery {

    record CurrentUser(String username, String role) {}

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    CurrentUser me(Authentication user) {
        String role = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .findFirst()
                .orElse("NONE");
        return new CurrentUser(user.getName(), role);
    }
}
