package org.carelog.command.queue;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandExecutionException;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.Ids;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.queue.AppointmentReference;
import org.carelog.api.queue.AssignTokenCounter;
import org.carelog.api.queue.CallNextToken;
import org.carelog.api.queue.CalledToken;
import org.carelog.api.queue.FinishService;
import org.carelog.api.queue.IssueToken;
import org.carelog.api.queue.IssuedToken;
import org.carelog.api.queue.LinkTokenToPatient;
import org.carelog.api.queue.MarkTokenNoShow;
import org.carelog.api.queue.QuickRegistration;
import org.carelog.api.queue.RecallToken;
import org.carelog.api.queue.SkipToken;
import org.carelog.api.queue.StartService;
import org.carelog.api.queue.TokenId;
import org.carelog.api.queue.TokenQueueId;
import org.carelog.api.queue.TransferToken;
import org.carelog.command.queue.QueueInputs.AssignTokenCounterInput;
import org.carelog.command.queue.QueueInputs.CallNextTokenInput;
import org.carelog.command.queue.QueueInputs.CallNextTokenPayload;
import org.carelog.command.queue.QueueInputs.IssueTokenInput;
import org.carelog.command.queue.QueueInputs.IssueTokenPayload;
import org.carelog.command.queue.QueueInputs.LinkTokenToPatientInput;
import org.carelog.command.queue.QueueInputs.TokenActionInput;
import org.carelog.command.queue.QueueInputs.TokenPayload;
import org.carelog.command.queue.QueueInputs.TransferTokenInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Token queues at the counters: receptionists issue tokens, the staff of a chamber or counter call and
 * serve them. A token goes into today's queue of its service point (the facility's local day).
 */
@Controller
class QueueMutations {

    private static final String ISSUERS = "hasAnyRole('RECEPTIONIST', 'NURSE')";
    private static final String COUNTER_STAFF = "hasAnyRole('RECEPTIONIST', 'DOCTOR', 'NURSE', 'BILLING')";

    private final QueueCommands commands;
    private final Clock clock;

    QueueMutations(QueueCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @MutationMapping
    @PreAuthorize(ISSUERS)
    IssueTokenPayload issueToken(@Argument IssueTokenInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        ServicePointId servicePoint = servicePoint("servicePointId", input.servicePointId(), violations);
        PatientId patient = null;
        QuickRegistration walkIn = null;
        if (input.patientId() != null && input.walkIn() != null) {
            violations.reject("walkIn", "give a registered patient or a walk-in's name and phone, not both");
        } else if (input.patientId() != null) {
            patient = violations.check("patientId", () -> PatientId.parse("patientId", input.patientId()));
        } else if (input.walkIn() != null) {
            PersonName name = violations.check(
                    "walkIn",
                    () -> PersonName.of(input.walkIn().nameBn(), input.walkIn().nameEn()));
            PhoneNumber phone = violations.check(
                    "walkIn", () -> PhoneNumber.mobile(input.walkIn().phone()));
            walkIn = new QuickRegistration(name, phone);
            // Reserved for the walk-in: their name and phone are encrypted with this id's key.
            patient = PatientId.random();
        } else {
            violations.reject("patientId", "a registered patient or a walk-in's name and phone is required");
        }
        AppointmentReference appointment = null;
        if (input.appointment() != null) {
            UUID appointmentId = violations.check(
                    "appointment.appointmentId",
                    () -> Ids.uuid(
                            "appointment.appointmentId", input.appointment().appointmentId(), "appointment"));
            if (input.appointment().scheduledStart() == null) {
                violations.reject("appointment.scheduledStart", "is required");
            } else {
                appointment = new AppointmentReference(
                        appointmentId, input.appointment().scheduledStart().toInstant());
            }
        }
        violations.throwIfAny();
        IssuedToken issued = commands.send(
                new IssueToken(today(servicePoint), patient, walkIn, input.priority(), appointment, null, null),
                input.idempotencyKey(),
                env);
        return new IssueTokenPayload(
                issued.tokenId().toString(),
                issued.label(),
                patient.toString(),
                issued.journeyId().toString());
    }

    @MutationMapping
    @PreAuthorize(COUNTER_STAFF)
    CallNextTokenPayload callNextToken(@Argument CallNextTokenInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        ServicePointId servicePoint = servicePoint("servicePointId", input.servicePointId(), violations);
        violations.throwIfAny();
        CalledToken called;
        try {
            called =
                    commands.send(new CallNextToken(today(servicePoint), input.counter()), input.idempotencyKey(), env);
        } catch (CommandExecutionException e) {
            if (e.getDetails().orElse(null) instanceof CarelogError error && error.code() == ErrorCode.NOT_FOUND) {
                called = null; // no token issued there today: nobody to call
            } else {
                throw e;
            }
        }
        return called == null
                ? new CallNextTokenPayload(null, null, null, null)
                : new CallNextTokenPayload(
                        called.tokenId().toString(), called.label(), called.reason(), called.counter());
    }

    @MutationMapping
    @PreAuthorize(COUNTER_STAFF)
    TokenPayload recallToken(@Argument TokenActionInput input, DataFetchingEnvironment env) {
        return onToken(input, env, (queue, number) -> new RecallToken(queue, number));
    }

    @MutationMapping
    @PreAuthorize(COUNTER_STAFF)
    TokenPayload skipToken(@Argument TokenActionInput input, DataFetchingEnvironment env) {
        return onToken(input, env, (queue, number) -> new SkipToken(queue, number));
    }

    @MutationMapping
    @PreAuthorize(COUNTER_STAFF)
    TokenPayload markTokenNoShow(@Argument TokenActionInput input, DataFetchingEnvironment env) {
        return onToken(input, env, (queue, number) -> new MarkTokenNoShow(queue, number));
    }

    @MutationMapping
    @PreAuthorize(COUNTER_STAFF)
    TokenPayload startService(@Argument TokenActionInput input, DataFetchingEnvironment env) {
        return onToken(input, env, (queue, number) -> new StartService(queue, number));
    }

    @MutationMapping
    @PreAuthorize(COUNTER_STAFF)
    TokenPayload finishService(@Argument TokenActionInput input, DataFetchingEnvironment env) {
        return onToken(input, env, (queue, number) -> new FinishService(queue, number));
    }

    @MutationMapping
    @PreAuthorize(COUNTER_STAFF)
    TokenPayload transferToken(@Argument TransferTokenInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        TokenId token = violations.check("tokenId", () -> TokenId.parse("tokenId", input.tokenId()));
        ServicePointId target = servicePoint("targetServicePointId", input.targetServicePointId(), violations);
        violations.throwIfAny();
        commands.send(
                new TransferToken(token.queueId(), token.number(), target, input.priority()),
                input.idempotencyKey(),
                env);
        return new TokenPayload(token.toString());
    }

    @MutationMapping
    @PreAuthorize(COUNTER_STAFF)
    TokenPayload assignTokenCounter(@Argument AssignTokenCounterInput input, DataFetchingEnvironment env) {
        TokenId token = TokenId.parse("tokenId", input.tokenId());
        commands.send(
                new AssignTokenCounter(token.queueId(), token.number(), input.counter()), input.idempotencyKey(), env);
        return new TokenPayload(token.toString());
    }

    @MutationMapping
    @PreAuthorize("hasRole('RECEPTIONIST')")
    TokenPayload linkTokenToPatient(@Argument LinkTokenToPatientInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        TokenId token = violations.check("tokenId", () -> TokenId.parse("tokenId", input.tokenId()));
        PatientId patient = violations.check("patientId", () -> PatientId.parse("patientId", input.patientId()));
        violations.throwIfAny();
        commands.send(new LinkTokenToPatient(token.queueId(), token.number(), patient), input.idempotencyKey(), env);
        return new TokenPayload(token.toString());
    }

    private TokenPayload onToken(
            TokenActionInput input, DataFetchingEnvironment env, BiFunction<TokenQueueId, Integer, Object> command) {
        TokenId token = TokenId.parse("tokenId", input.tokenId());
        commands.send(command.apply(token.queueId(), token.number()), input.idempotencyKey(), env);
        return new TokenPayload(token.toString());
    }

    private TokenQueueId today(ServicePointId servicePoint) {
        return new TokenQueueId(servicePoint, LocalDate.now(clock));
    }

    private static ServicePointId servicePoint(String field, String raw, Violations violations) {
        return violations.check(field, () -> ServicePointId.parse(field, raw));
    }
}
