package org.carelog.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * What a sign-in request says besides the password: the TOTP code (header {@value #OTP_HEADER}) and
 * whether it asks for a token ({@code POST /auth/token}) or makes a call with HTTP Basic.
 */
record SignInDetails(String otp, boolean tokenRequest) {

    static final String OTP_HEADER = "X-Carelog-OTP";
    static final String TOKEN_PATH = "/auth/token";

    static final AuthenticationDetailsSource<HttpServletRequest, SignInDetails> SOURCE = request -> new SignInDetails(
            request.getHeader(OTP_HEADER),
            TOKEN_PATH.equals(request.getRequestURI()) && "POST".equals(request.getMethod()));

    @Override
    public String toString() {
        return "SignInDetails[tokenRequest=" + tokenRequest + "]"; // the code is never logged
    }
}
