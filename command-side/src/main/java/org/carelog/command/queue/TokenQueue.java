package org.carelog.command.queue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.ServicePointCode;
import org.carelog.api.queue.AppointmentReference;
import org.carelog.api.queue.AssignTokenCounter;
import org.carelog.api.queue.CallNextToken;
import org.carelog.api.queue.CallReason;
import org.carelog.api.queue.CalledToken;
import org.carelog.api.queue.CallingOrder;
import org.carelog.api.queue.CallingOrder.Counters;
import org.carelog.api.queue.CallingOrder.InLine;
import org.carelog.api.queue.FinishService;
import org.carelog.api.queue.IssueToken;
import org.carelog.api.queue.IssuedToken;
import org.carelog.api.queue.LinkTokenToPatient;
import org.carelog.api.queue.MarkTokenNoShow;
import org.carelog.api.queue.QueuePolicy;
import org.carelog.api.queue.RecallToken;
import org.carelog.api.queue.SkipToken;
import org.carelog.api.queue.StartService;
import org.carelog.api.queue.TokenCalled;
import org.carelog.api.queue.TokenCounterAssigned;
import org.carelog.api.queue.TokenId;
import org.carelog.api.queue.TokenIssued;
import org.carelog.api.queue.TokenMarkedNoShow;
import org.carelog.api.queue.TokenPatientLinked;
import org.carelog.api.queue.TokenQueueId;
import org.carelog.api.queue.TokenRecalled;
import org.carelog.api.queue.TokenServiceFinished;
import org.carelog.api.queue.TokenServiceStarted;
import org.carelog.api.queue.TokenSkipped;
import org.carelog.api.queue.TokenStatus;
import org.carelog.api.queue.TokenTransferred;
import org.carelog.api.queue.TransferToken;

/**
 * One service point's queue on one local day: token numbers from 1, gapless and never reused; each
 * token's state; and the calling order. Created by its first token. The state holds no personal data (a
 * walk-in's name and phone are only in the event), so a snapshot of it needs no encryption.
 *
 * <p>The calling order, explained by the reason each call records, is {@link CallingOrder}: the same pure
 * rule the board and the waiting estimates use to predict it. The queue keeps its counters (calls made,
 * priority or appointment calls in a row past a waiting walk-in) as the rule defines them.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
@Aggregate(snapshotTriggerDefinition = "tokenQueueSnapshotTrigger", cache = "tokenQueueCache")
class TokenQueue {

    private static final int COUNTER_LENGTH = 40;
    private static final Set<TokenStatus> SERVABLE = EnumSet.of(TokenStatus.CALLED, TokenStatus.SKIPPED);

    @AggregateIdentifier
    private TokenQueueId queueId;

    private String code;
    private int lastNumber;
    private int calls;
    private int aheadOfWalkIns;
    private final List<Token> tokens = new ArrayList<>();

    /** A token's state; index in {@link #tokens} is its number minus one. */
    @JsonAutoDetect(fieldVisibility = Visibility.ANY, isGetterVisibility = Visibility.NONE)
    static final class Token {
        int number;
        String priority;
        AppointmentReference appointment;
        boolean walkIn;
        PatientId patientId;
        TokenStatus status = TokenStatus.WAITING;
        int returnsAtCall;
        String counter;
        boolean transferred;
        UUID journeyId;

        InLine inLine() {
            return new InLine(
                    number,
                    priority,
                    appointment == null ? null : appointment.scheduledStart(),
                    status == TokenStatus.SKIPPED,
                    returnsAtCall);
        }

        /** By value, so that the test fixture can compare the state it sourced with the state it handled. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Token t
                    && number == t.number
                    && Objects.equals(priority, t.priority)
                    && Objects.equals(appointment, t.appointment)
                    && walkIn == t.walkIn
                    && Objects.equals(patientId, t.patientId)
                    && status == t.status
                    && returnsAtCall == t.returnsAtCall
                    && Objects.equals(counter, t.counter)
                    && transferred == t.transferred
                    && Objects.equals(journeyId, t.journeyId);
        }

        @Override
        public int hashCode() {
            return number;
        }
    }

    TokenQueue() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    IssuedToken handle(IssueToken command, QueueDirectory directory, QueuePolicy policy, Clock clock) {
        Violations violations = new Violations();
        String priority = null;
        if (command.priority() != null && !command.priority().isBlank()) {
            priority = policy.priorities().find(command.priority()).orElse(null);
            if (priority == null) {
                violations.reject(
                        "priority",
                        "must be one of "
                                + String.join(", ", policy.priorities().names()));
            }
        }
        if (command.patientId() == null) {
            violations.reject("patientId", "is required");
        }
        if (command.walkIn() != null) {
            if (command.walkIn().name() == null) {
                violations.reject("walkIn.nameEn", "a name in Bangla or English is required");
            }
            if (command.walkIn().phone() == null) {
                violations.reject("walkIn.phone", "is required");
            }
        }
        AppointmentReference appointment = command.appointment();
        if (appointment != null && (appointment.appointmentId() == null || appointment.scheduledStart() == null)) {
            violations.reject("appointment", "needs the appointment id and its scheduled start");
        }
        LocalDate today = LocalDate.now(clock);
        if (!command.queueId().date().equals(today)) {
            violations.reject("date", "tokens are issued for today (" + today + ") only");
        }
        violations.throwIfAny();
        ServicePointCode servicePointCode = directory
                .openServicePointCode(command.queueId().servicePointId())
                .orElseThrow(() -> CarelogException.notFound(
                        "No open service point " + command.queueId().servicePointId()));
        // A transfer continues a journey, possibly a walk-in's whose patient id is reserved, not registered.
        if (command.walkIn() == null
                && command.transferredFrom() == null
                && !directory.patientRegistered(command.patientId())) {
            throw CarelogException.notFound("No registered patient " + command.patientId());
        }
        int number = lastNumber + 1;
        UUID journey = command.journeyId() != null ? command.journeyId() : UUID.randomUUID();
        apply(new TokenIssued(
                command.patientId(),
                command.queueId(),
                number,
                servicePointCode,
                priority,
                appointment,
                command.transferredFrom(),
                journey,
                command.walkIn()));
        TokenId tokenId = new TokenId(command.queueId(), number);
        return new IssuedToken(tokenId, TokenId.label(servicePointCode.value(), number), journey);
    }

    @CommandHandler
    CalledToken handle(CallNextToken command, QueuePolicy policy, Clock clock) {
        String counter = counter(command.counter());
        Optional<Choice> next = next(policy, clock.instant());
        if (next.isEmpty()) {
            return null;
        }
        Choice choice = next.get();
        apply(new TokenCalled(queueId, choice.token().number, choice.reason(), counter));
        return new CalledToken(
                new TokenId(queueId, choice.token().number),
                TokenId.label(code, choice.token().number),
                choice.reason(),
                counter);
    }

    @CommandHandler
    void handle(RecallToken command) {
        require(command.number(), "recalled", TokenStatus.CALLED);
        apply(new TokenRecalled(queueId, command.number()));
    }

    @CommandHandler
    void handle(SkipToken command, QueuePolicy policy) {
        Token token = token(command.number());
        if (token.status == TokenStatus.SKIPPED) {
            return;
        }
        require(command.number(), "skipped", TokenStatus.CALLED);
        apply(new TokenSkipped(queueId, command.number(), policy.skipReturnsAfterCalls()));
    }

    @CommandHandler
    void handle(MarkTokenNoShow command) {
        if (token(command.number()).status == TokenStatus.NO_SHOW) {
            return;
        }
        require(command.number(), "marked as a no-show", TokenStatus.CALLED, TokenStatus.SKIPPED);
        apply(new TokenMarkedNoShow(queueId, command.number()));
    }

    @CommandHandler
    void handle(StartService command) {
        if (token(command.number()).status == TokenStatus.SERVING) {
            return;
        }
        require(command.number(), "served (call it first)", SERVABLE.toArray(TokenStatus[]::new));
        apply(new TokenServiceStarted(queueId, command.number()));
    }

    @CommandHandler
    void handle(FinishService command) {
        if (token(command.number()).status == TokenStatus.SERVED) {
            return;
        }
        require(command.number(), "finished (start its service first)", TokenStatus.SERVING);
        apply(new TokenServiceFinished(queueId, command.number()));
    }

    @CommandHandler
    void handle(TransferToken command, QueueDirectory directory, QueuePolicy policy) {
        Token token = token(command.number());
        Violations violations = new Violations();
        if (command.target() == null) {
            violations.reject("targetServicePointId", "is required");
        } else if (command.target().equals(queueId.servicePointId())) {
            violations.reject("targetServicePointId", "is this token's own service point");
        }
        String priority = null;
        if (command.priority() != null && !command.priority().isBlank()) {
            priority = policy.priorities().find(command.priority()).orElse(null);
            if (priority == null) {
                violations.reject(
                        "priority",
                        "must be one of "
                                + String.join(", ", policy.priorities().names()));
            }
        }
        violations.throwIfAny();
        if (token.transferred) {
            throw CarelogException.conflict(
                    "Token " + TokenId.label(code, token.number) + " was already transferred",
                    Map.of("status", token.status.name()));
        }
        if (token.status == TokenStatus.NO_SHOW) {
            throw CarelogException.conflict(
                    "Token " + TokenId.label(code, token.number) + " is a no-show and cannot be transferred",
                    Map.of("status", token.status.name()));
        }
        if (directory.openServicePointCode(command.target()).isEmpty()) {
            throw CarelogException.notFound("No open service point " + command.target());
        }
        if (token.status == TokenStatus.SERVING) {
            apply(new TokenServiceFinished(queueId, token.number));
        }
        apply(new TokenTransferred(
                queueId, token.number, command.target(), priority, token.patientId, token.journeyId));
    }

    @CommandHandler
    void handle(AssignTokenCounter command) {
        String counter = counter(command.counter());
        Token token = token(command.number());
        if (Objects.equals(counter, token.counter)) {
            return;
        }
        require(command.number(), "sent to a counter", TokenStatus.CALLED, TokenStatus.SERVING);
        apply(new TokenCounterAssigned(queueId, token.number, counter));
    }

    @CommandHandler
    void handle(LinkTokenToPatient command, QueueDirectory directory) {
        Token token = token(command.number());
        if (command.patientId() == null) {
            throw CarelogException.validation("patientId", "is required");
        }
        if (command.patientId().equals(token.patientId)) {
            return;
        }
        if (!token.walkIn) {
            throw CarelogException.conflict(
                    "Token " + TokenId.label(code, token.number) + " already belongs to a registered patient", null);
        }
        if (!directory.patientRegistered(command.patientId())) {
            throw CarelogException.notFound("No registered patient " + command.patientId());
        }
        apply(new TokenPatientLinked(queueId, token.number, command.patientId()));
    }

    /** The chosen token and why. */
    record Choice(Token token, CallReason reason) {}

    /** The calling order ({@link CallingOrder}); empty when nobody is in line. */
    Optional<Choice> next(QueuePolicy policy, Instant now) {
        return CallingOrder.next(line(), new Counters(calls, aheadOfWalkIns), policy, now)
                .map(call -> new Choice(tokens.get(call.number() - 1), call.reason()));
    }

    /** The tokens waiting or skipped, in number order, as the calling order sees them. */
    private List<InLine> line() {
        List<InLine> line = new ArrayList<>();
        for (Token t : tokens) {
            if (t.status == TokenStatus.WAITING || t.status == TokenStatus.SKIPPED) {
                line.add(t.inLine());
            }
        }
        return line;
    }

    private Token token(int number) {
        if (number < 1 || number > tokens.size()) {
            throw CarelogException.notFound("This queue has no token number " + number);
        }
        return tokens.get(number - 1);
    }

    private Token require(int number, String action, TokenStatus... allowed) {
        Token token = token(number);
        for (TokenStatus status : allowed) {
            if (token.status == status) {
                return token;
            }
        }
        throw CarelogException.conflict(
                "Token " + TokenId.label(code, number) + " is "
                        + token.status.name().toLowerCase().replace('_', ' ') + " and cannot be " + action,
                Map.of("status", token.status.name()));
    }

    private static String counter(String raw) {
        String counter = Text.clean(raw);
        if (counter != null && counter.length() > COUNTER_LENGTH) {
            throw CarelogException.validation("counter", "is longer than " + COUNTER_LENGTH + " characters");
        }
        return counter;
    }

    @EventSourcingHandler
    void on(TokenIssued event) {
        queueId = event.queueId();
        code = event.code().value();
        lastNumber = event.number();
        Token token = new Token();
        token.number = event.number();
        token.priority = event.priority();
        token.appointment = event.appointment();
        token.patientId = event.patientId();
        token.journeyId = event.journeyId();
        token.walkIn = event.walkIn() != null;
        tokens.add(token);
    }

    @EventSourcingHandler
    void on(TokenCalled event) {
        Token token = tokens.get(event.number() - 1);
        Counters after = new Counters(calls, aheadOfWalkIns).afterCalling(token.inLine(), line());
        calls = after.calls();
        aheadOfWalkIns = after.aheadOfWalkIns();
        token.status = TokenStatus.CALLED;
        token.counter = event.counter();
    }

    @EventSourcingHandler
    void on(TokenSkipped event) {
        Token token = tokens.get(event.number() - 1);
        token.status = TokenStatus.SKIPPED;
        token.returnsAtCall = calls + event.returnsAfterCalls();
    }

    @EventSourcingHandler
    void on(TokenMarkedNoShow event) {
        tokens.get(event.number() - 1).status = TokenStatus.NO_SHOW;
    }

    @EventSourcingHandler
    void on(TokenServiceStarted event) {
        tokens.get(event.number() - 1).status = TokenStatus.SERVING;
    }

    @EventSourcingHandler
    void on(TokenServiceFinished event) {
        tokens.get(event.number() - 1).status = TokenStatus.SERVED;
    }

    @EventSourcingHandler
    void on(TokenTransferred event) {
        Token token = tokens.get(event.number() - 1);
        token.transferred = true;
        if (token.status != TokenStatus.SERVED) {
            token.status = TokenStatus.TRANSFERRED;
        }
    }

    @EventSourcingHandler
    void on(TokenCounterAssigned event) {
        tokens.get(event.number() - 1).counter = event.counter();
    }

    @EventSourcingHandler
    void on(TokenPatientLinked event) {
        Token token = tokens.get(event.number() - 1);
        token.patientId = event.patientId();
        token.walkIn = false;
    }
}
