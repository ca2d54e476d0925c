package org.carelog.command.communication;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.clinical.PlanFollowUp;
import org.carelog.api.common.Ids;
import org.carelog.api.common.Violations;
import org.carelog.command.clinical.EncounterCommands;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

/** Follow-up plans (doctors) and deliberate resends of failed messages (front desk and administrators). */
@Controller
class CommunicationMutations {

    private final EncounterCommands encounters;
    private final StaffMessages messages;
    private final Clock clock;

    CommunicationMutations(EncounterCommands encounters, StaffMessages messages, Clock clock) {
        this.encounters = encounters;
        this.messages = messages;
        this.clock = clock;
    }

    record PlanFollowUpInput(
            String idempotencyKey, String encounterId, Integer inDays, LocalDate dueOn, String instructions) {}

    record FollowUpPayload(String encounterId, LocalDate dueOn) {}

    record ResendMessageInput(String idempotencyKey, String messageId) {}

    record ResendMessagePayload(String messageId) {}

    @MutationMapping
    @PreAuthorize("hasRole('DOCTOR')")
    FollowUpPayload planFollowUp(@Argument PlanFollowUpInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        EncounterId encounter =
                violations.check("encounterId", () -> EncounterId.parse("encounterId", input.encounterId()));
        LocalDate dueOn = input.dueOn();
        if (input.inDays() != null) {
            if (dueOn != null) {
                violations.reject("inDays", "give inDays or dueOn, not both");
            } else if (input.inDays() < 1) {
                violations.reject("inDays", "must be at least 1");
            } else {
                dueOn = LocalDate.now(clock).plusDays(input.inDays());
            }
        } else if (dueOn == null) {
            violations.reject("dueOn", "give inDays or dueOn");
        }
        violations.throwIfAny();
        encounters.send(new PlanFollowUp(encounter, dueOn, input.instructions()), input.idempotencyKey(), env);
        return new FollowUpPayload(encounter.toString(), dueOn);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('RECEPTIONIST', 'ADMIN')")
    ResendMessagePayload resendMessage(@Argument ResendMessageInput input, Authentication user) {
        UUID message = Ids.uuid("messageId", input.messageId(), "message");
        String key = input.idempotencyKey() == null ? UUID.randomUUID().toString() : input.idempotencyKey();
        return new ResendMessagePayload(
                messages.resend(message, key, user.getName()).toString());
    }
}
