package org.carelog.infra.security;

import java.time.Instant;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** {@code setMyPassword}: a patient sets the password for later sign-ins, soon after a code sign-in. */
@Controller
class PatientPasswordMutation {

    private final PatientSignIn signIn;

    PatientPasswordMutation(PatientSignIn signIn) {
        this.signIn = signIn;
    }

    record SetMyPasswordInput(String idempotencyKey, String password) {}

    record SetMyPasswordPayload(String patientId, Instant passwordSetAt) {}

    @MutationMapping
    @PreAuthorize("hasRole('PATIENT')")
    SetMyPasswordPayload setMyPassword(@Argument SetMyPasswordInput input, Authentication user) {
        if (!(user instanceof PatientAuthentication patient)) {
            throw new CarelogException(
                    new CarelogError(ErrorCode.FORBIDDEN, "Only a patient signed in to the portal", null, null));
        }
        Instant at = signIn.setPassword(patient, input.password());
        return new SetMyPasswordPayload(patient.getPrincipal().patientId().toString(), at);
    }
}
