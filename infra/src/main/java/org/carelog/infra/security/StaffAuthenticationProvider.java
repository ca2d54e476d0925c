package org.carelog.infra.security;

import java.util.List;
import java.util.Optional;
import org.carelog.infra.security.StaffAccounts.Account;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Password sign-in (HTTP Basic, also at {@code POST /auth/token}) with lockout and TOTP. Every refusal
 * is the same 401, whether the password was wrong, the account locked or disabled, or the code wrong.
 */
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffAccounts accounts;
    private final Lockout lockout;
    private final Mfa mfa;
    private final String dummyHash;

    StaffAuthenticationProvider(StaffAccounts accounts, Lockout lockout, Mfa mfa, String dummyHash) {
        this.accounts = accounts;
        this.lockout = lockout;
        this.mfa = mfa;
        this.dummyHash = dummyHash;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String password =
                attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        SignInDetails details = attempt.getDetails() instanceof SignInDetails d ? d : new SignInDetails(null, false);
        Optional<Account> found = accounts.find(username);
        if (found.isEmpty()) {
            accounts.passwordMatches(password, dummyAccount()); // the same time as for a real user
            throw refused();
        }
        Account account = found.get();
        boolean passwordMatches = accounts.passwordMatches(password, account);
        if (lockout.isLocked(account) || !account.enabled()) {
            throw refused();
        }
        if (!passwordMatches) {
            lockout.failed(account.username());
            throw refused();
        }
        boolean mfaRequired = mfa.requiredFor(account.role());
        if (mfaRequired && account.mfaEnrolled()) {
            if (!details.tokenRequest()) {
                // A code is good once, so it cannot ride along on every Basic request: take a token.
                throw refused();
            }
            if (!mfa.consumeCode(account.username(), details.otp())) {
                lockout.failed(account.username());
                throw refused();
            }
        }
        lockout.succeeded(account);
        String authority = mfaRequired && !account.mfaEnrolled()
                ? SignedInStaff.ENROLLMENT_ONLY
                : "ROLE_" + account.role().name();
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
                new SignedInStaff(account.username(), account.role()),
                null,
                List.of(new SimpleGrantedAuthority(authority)));
        signedIn.setDetails(details);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private Account dummyAccount() {
        return new Account("", dummyHash, null, "", false, 0, 0, null, false, null, null);
    }

    private static BadCredentialsException refused() {
        return new BadCredentialsException("Bad credentials");
    }
}
