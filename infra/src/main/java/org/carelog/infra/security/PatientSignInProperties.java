package org.carelog.infra.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How patients sign in to the portal: one-time codes by SMS to their registered phone, or a password they set
 * after a code sign-in.
 *
 * @param codeLength digits of a one-time code
 * @param codeLifetime a code is good this long after it was sent
 * @param maxAttempts wrong codes a challenge takes before it is spent (counted in PostgreSQL per challenge)
 * @param phoneMaxCodes codes sent to one phone number within {@code phoneWindow}
 * @param phoneWindow how far back codes per phone are counted
 * @param addressMaxCodes codes requested from one client address within {@code addressWindow}
 * @param addressWindow how far back codes per address are counted
 * @param sessionLifetime a patient's session (and token) ends this long after sign-in
 * @param idleTimeout a patient's session unused this long ends
 * @param touchInterval last use is written at most this often per session
 * @param passwordMaxFailures failed password sign-ins in a row that lock the patient's password
 * @param passwordLock how long such a lock lasts (a code sign-in still works)
 * @param passwordChangeWindow a password is set or changed only this soon after a code sign-in
 */
@ConfigurationProperties("carelog.portal.sign-in")
public record PatientSignInProperties(
        @DefaultValue("6") int codeLength,
        @DefaultValue("PT5M") Duration codeLifetime,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("5") int phoneMaxCodes,
        @DefaultValue("PT15M") Duration phoneWindow,
        @DefaultValue("20") int addressMaxCodes,
        @DefaultValue("PT15M") Duration addressWindow,
        @DefaultValue("PT12H") Duration sessionLifetime,
        @DefaultValue("PT30M") Duration idleTimeout,
        @DefaultValue("PT1M") Duration touchInterval,
        @DefaultValue("5") int passwordMaxFailures,
        @DefaultValue("PT15M") Duration passwordLock,
        @DefaultValue("PT15M") Duration passwordChangeWindow) {

    public PatientSignInProperties {
        if (codeLength < 6 || codeLength > 10) {
            throw new IllegalArgumentException("carelog.portal.sign-in.code-length must be 6 to 10 digits");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("carelog.portal.sign-in.max-attempts must be at least 1");
        }
    }
}
