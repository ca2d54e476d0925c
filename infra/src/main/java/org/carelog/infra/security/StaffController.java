package org.carelog.infra.security;

import graphql.schema.DataFetchingEnvironment;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.carelog.api.common.Ids;
import org.carelog.api.common.Role;
import org.carelog.command.common.CommandSender;
import org.carelog.infra.security.StaffAccounts.Account;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** Staff administration and TOTP enrolment over GraphQL. */
@Controller
class StaffController {

    private final StaffAdministration administration;
    private final Mfa mfa;

    StaffController(StaffAdministration administration, Mfa mfa) {
        this.administration = administration;
        this.mfa = mfa;
    }

    record StaffUser(
            String username,
            String displayName,
            Role role,
            boolean enabled,
            boolean mfaEnrolled,
            OffsetDateTime lockedUntil,
            OffsetDateTime createdAt,
            String practitionerId) {
        static StaffUser of(Account a) {
            return new StaffUser(
                    a.username(),
                    a.displayName(),
                    a.role(),
                    a.enabled(),
                    a.mfaEnrolled(),
                    a.lockedUntil() == null ? null : a.lockedUntil().atOffset(ZoneOffset.UTC),
                    a.createdAt().atOffset(ZoneOffset.UTC),
                    a.practitionerId() == null ? null : a.practitionerId().toString());
        }
    }

    record StaffUserPayload(StaffUser user) {}

    record RevokeStaffSessionsPayload(String username, int revokedSessions) {}

    record ConfirmTotpEnrollmentPayload(boolean enrolled) {}

    record CreateStaffUserInput(
            String username, String displayName, Role role, String password, String idempotencyKey) {}

    record ChangeStaffRoleInput(String username, Role role, String idempotencyKey) {}

    record StaffUserInput(String username, String idempotencyKey) {}

    record ResetStaffPasswordInput(String username, String password, String idempotencyKey) {}

    record BeginTotpEnrollmentInput(String idempotencyKey) {}

    record ConfirmTotpEnrollmentInput(String code, String idempotencyKey) {}

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    List<StaffUser> staffUsers() {
        return administration.all().stream().map(StaffUser::of).toList();
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    StaffUserPayload createStaffUser(
            @Argument CreateStaffUserInput input, Authentication admin, DataFetchingEnvironment env) {
        return payload(administration.create(
                input.username(),
                input.password(),
                input.role(),
                input.displayName(),
                change(admin, input.idempotencyKey(), env)));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    StaffUserPayload changeStaffRole(
            @Argument ChangeStaffRoleInput input, Authentication admin, DataFetchingEnvironment env) {
        return payload(
                administration.changeRole(input.username(), input.role(), change(admin, input.idempotencyKey(), env)));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    StaffUserPayload linkStaffToPractitioner(
            @Argument LinkStaffToPractitionerInput input, Authentication admin, DataFetchingEnvironment env) {
        UUID practitioner = input.practitionerId() == null
                ? null
                : Ids.uuid("practitionerId", input.practitionerId(), "practitioner");
        return payload(administration.linkPractitioner(
                input.username(), practitioner, change(admin, input.idempotencyKey(), env)));
    }

    record LinkStaffToPractitionerInput(String username, String practitionerId, String idempotencyKey) {}

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    StaffUserPayload disableStaffUser(
            @Argument StaffUserInput input, Authentication admin, DataFetchingEnvironment env) {
        return payload(administration.setEnabled(input.username(), false, change(admin, input.idempotencyKey(), env)));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    StaffUserPayload enableStaffUser(
            @Argument StaffUserInput input, Authentication admin, DataFetchingEnvironment env) {
        return payload(administration.setEnabled(input.username(), true, change(admin, input.idempotencyKey(), env)));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    StaffUserPayload resetStaffPassword(
            @Argument ResetStaffPasswordInput input, Authentication admin, DataFetchingEnvironment env) {
        return payload(administration.resetPassword(
                input.username(), input.password(), change(admin, input.idempotencyKey(), env)));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    StaffUserPayload resetStaffMfa(@Argument StaffUserInput input, Authentication admin, DataFetchingEnvironment env) {
        return payload(administration.resetMfa(input.username(), change(admin, input.idempotencyKey(), env)));
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    RevokeStaffSessionsPayload revokeStaffSessions(
            @Argument StaffUserInput input, Authentication admin, DataFetchingEnvironment env) {
        int revoked = administration.revokeSessions(input.username(), change(admin, input.idempotencyKey(), env));
        return new RevokeStaffSessionsPayload(input.username(), revoked);
    }

    // isAuthenticated(): open to users whose token is restricted to enrolment (MfaTest checks that only
    // me and these two are).
    @MutationMapping
    @PreAuthorize("isAuthenticated()")
    Mfa.Enrollment beginTotpEnrollment(@Argument BeginTotpEnrollmentInput input, Authentication user) {
        return mfa.begin(user.getName());
    }

    @MutationMapping
    @PreAuthorize("isAuthenticated()")
    ConfirmTotpEnrollmentPayload confirmTotpEnrollment(
            @Argument ConfirmTotpEnrollmentInput input, Authentication user, DataFetchingEnvironment env) {
        mfa.confirm(user.getName(), input.code(), change(user, input.idempotencyKey(), env));
        return new ConfirmTotpEnrollmentPayload(true);
    }

    private static StaffUserPayload payload(Account account) {
        return new StaffUserPayload(StaffUser.of(account));
    }

    private static StaffAudit.Change change(Authentication user, String idempotencyKey, DataFetchingEnvironment env) {
        String requestId = env.getGraphQlContext().get(CommandSender.REQUEST_ID_CONTEXT_KEY);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        return new StaffAudit.Change(user.getName(), requestId, key);
    }
}
