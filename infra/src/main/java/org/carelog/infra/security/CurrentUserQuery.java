package org.carelog.infra.security;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** {@code me}: who is signed in; open to tokens restricted to MFA enrolment. */
@Controller
class CurrentUserQuery {

    record CurrentUser(String username, String role, boolean mfaEnrollmentRequired) {}

    @QueryMapping
    @PreAuthorize("isAuthenticated()")
    CurrentUser me(Authentication user) {
        return new CurrentUser(
                user.getName(), SignedInStaff.roleOf(user).orElse("NONE"), SignedInStaff.enrollmentOnly(user));
    }
}
