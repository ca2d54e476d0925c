package org.carelog.infra.security;

import java.util.Optional;
import org.carelog.api.common.Role;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A staff member who proved their password. Users of a role that requires MFA but who have not enrolled
 * get only the {@link #ENROLLMENT_ONLY} authority, no role: every operation but {@code me} and TOTP
 * enrolment refuses them.
 */
public record SignedInStaff(String username, Role role) implements AuthenticatedPrincipal {

    public static final String ENROLLMENT_ONLY = "MFA_ENROLLMENT_REQUIRED";

    @Override
    public String getName() {
        return username;
    }

    public static boolean enrollmentOnly(Authentication user) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> ENROLLMENT_ONLY.equals(a.getAuthority()));
    }

    /** The user's role: the granted one, or the one they will have once enrolled. */
    public static Optional<String> roleOf(Authentication user) {
        Optional<String> granted = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .findFirst();
        if (granted.isPresent()) {
            return granted;
        }
        if (user.getPrincipal() instanceof SignedInStaff staff) {
            return Optional.of(staff.role().name());
        }
        if (enrollmentOnly(user) && user.getPrincipal() instanceof Jwt jwt) {
            return Optional.ofNullable(jwt.getClaimAsString(AccessTokens.ROLE_CLAIM));
        }
        return Optional.empty();
    }
}
