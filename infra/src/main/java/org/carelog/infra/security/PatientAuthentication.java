package org.carelog.infra.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carelog.api.portal.SignedInPatient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A patient signed in to the portal with one of Carelog's tokens: role PATIENT, and the patient the sign-in
 * proved (from the session row, never from the request). {@code via} says how they signed in (CODE or
 * PASSWORD); a password is set only soon after a code sign-in.
 */
final class PatientAuthentication extends AbstractAuthenticationToken {

    private final SignedInPatient patient;
    private final UUID session;
    private final String via;
    private final Instant signedInAt;

    PatientAuthentication(SignedInPatient patient, UUID session, String via, Instant signedInAt) {
        super(List.of(new SimpleGrantedAuthority("ROLE_PATIENT")));
        this.patient = patient;
        this.session = session;
        this.via = via;
        this.signedInAt = signedInAt;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public SignedInPatient getPrincipal() {
        return patient;
    }

    @Override
    public String getName() {
        return patient.getName();
    }

    UUID session() {
        return session;
    }

    String via() {
        return via;
    }

    Instant signedInAt() {
        return signedInAt;
    }
}
