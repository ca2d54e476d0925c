package org.carelog.projection.queue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.queue.CallingOrder;
import org.carelog.api.queue.CallingOrder.Call;
import org.carelog.api.queue.CallingOrder.InLine;
import org.carelog.api.queue.QueueEvent;
import org.carelog.api.queue.QueuePolicy;
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
import org.springframework.stereotype.Component;

/**
 * Builds the queue tokens' read model. Once per batch and queue, before the batch commits, it refreshes
 * the waiting estimates of that queue and announces the board change (delivered on commit). Idempotent:
 * a redelivered issue finds its row; later events set state rather than add to it, except the call
 * count, which a redelivery after a crash mid-batch cannot reach (the batch and its token commit together).
 */
@Component
@ReadModelTables({"queue_token", "queue_line"})
@ProcessingGroup(QueueTokenProjector.PROCESSING_GROUP)
class QueueTokenProjector {

    static final String PROCESSING_GROUP = "queue-tokens";

    /** How many of a service point's latest services its time per patient averages. */
    static final int RECENT_SERVICES = 20;

    /** Time per patient until a service point has served anyone: five minutes. */
    static final int DEFAULT_SERVICE_SECONDS = 300;

    private static final String TOUCHED = QueueTokenProjector.class.getName() + ".touched";

    private final QueueTokenRepository tokens;
    private final QueueLineRepository lines;
    private final QueuePolicy policy;
    private final QueueBoardChanges boards;

    QueueTokenProjector(
            QueueTokenRepository tokens, QueueLineRepository lines, QueuePolicy policy, QueueBoardChanges boards) {
        this.tokens = tokens;
        this.lines = lines;
        this.policy = policy;
        this.boards = boards;
    }

    @EventHandler
    void on(TokenIssued event, @Timestamp Instant at) {
        TokenId id = new TokenId(event.queueId(), event.number());
        touched(event, at);
        if (tokens.existsById(id.toString())) {
            return;
        }
        QueueTokenEntry entry = QueueTokenEntry.issued(
                id.toString(),
                event.queueId().servicePointId().value(),
                event.queueId().date(),
                event.number(),
                TokenId.label(event.code().value(), event.number()));
        entry.details(
                event.priority(),
                event.priority() == null ? null : policy.priorities().rank(event.priority()),
                event.appointment() == null ? null : event.appointment().appointmentId(),
                event.appointment() == null ? null : event.appointment().scheduledStart(),
                event.patientId().value(),
                event.journeyId(),
                event.transferredFrom() == null ? null : event.transferredFrom().toString(),
                at);
        if (event.walkIn() != null) {
            var name = event.walkIn().name();
            entry.walkIn(
                    name == null ? null : name.bangla(),
                    name == null ? null : name.latin(),
                    event.walkIn().phone() == null
                            ? null
                            : event.walkIn().phone().e164());
        } else if (event.transferredFrom() != null) {
            // A walk-in's next step: the name the staff know them by travels with the journey.
            tokens.findById(event.transferredFrom().toString())
                    .ifPresent(from -> entry.walkIn(from.walkInNameBn(), from.walkInNameEn(), from.walkInPhone()));
        }
        tokens.save(entry);
    }

    @EventHandler
    void on(TokenCalled event, @Timestamp Instant at) {
        QueueTokenEntry token = token(event, event.number(), at);
        QueueLineEntry line = line(event.queueId());
        List<InLine> before = tokens
                .lineOf(
                        event.queueId().servicePointId().value(),
                        event.queueId().date())
                .stream()
                .filter(QueueTokenEntry::inLine)
                .map(QueueTokenEntry::line)
                .toList();
        line.counters(line.counters().afterCalling(token.line(), before));
        lines.save(line);
        token.called(event.reason(), event.counter(), at);
    }

    @EventHandler
    void on(TokenRecalled event, @Timestamp Instant at) {
        token(event, event.number(), at).recalled(at);
    }

    @EventHandler
    void on(TokenSkipped event, @Timestamp Instant at) {
        int returnsAtCall = line(event.queueId()).counters().calls() + event.returnsAfterCalls();
        token(event, event.number(), at).skipped(returnsAtCall, at);
    }

    @EventHandler
    void on(TokenMarkedNoShow event, @Timestamp Instant at) {
        token(event, event.number(), at).status(TokenStatus.NO_SHOW, at);
    }

    @EventHandler
    void on(TokenServiceStarted event, @Timestamp Instant at) {
        token(event, event.number(), at).status(TokenStatus.SERVING, at);
    }

    @EventHandler
    void on(TokenServiceFinished event, @Timestamp Instant at) {
        token(event, event.number(), at).status(TokenStatus.SERVED, at);
    }

    @EventHandler
    void on(TokenTransferred event, @Timestamp Instant at) {
        token(event, event.number(), at).transferredTo(event.target().value(), at);
    }

    @EventHandler
    void on(TokenCounterAssigned event, @Timestamp Instant at) {
        token(event, event.number(), at).counter(event.counter(), at);
    }

    @EventHandler
    void on(TokenPatientLinked event, @Timestamp Instant at) {
        token(event, event.number(), at).patient(event.patientId().value(), at);
    }

    @ResetHandler
    void reset() {
        tokens.deleteAllInBatch();
        lines.deleteAllInBatch();
    }

    private QueueLineEntry line(TokenQueueId queue) {
        return lines.findById(queue.toString()).orElseGet(() -> QueueLineEntry.start(queue.toString()));
    }

    private QueueTokenEntry token(QueueEvent event, int number, Instant at) {
        touched(event, at);
        String id = new TokenId(event.queueId(), number).toString();
        return tokens.findById(id).orElseThrow(() -> new IllegalStateException("token " + id + " is not projected"));
    }

    /**
     * Remembers the queue for the end of the batch: estimates and the board are refreshed once per queue
     * and batch, not per event (a busy queue's batch holds many events).
     */
    private void touched(QueueEvent event, Instant at) {
        if (!CurrentUnitOfWork.isStarted()) {
            refresh(event.queueId(), at);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<TokenQueueId, Instant> queues = root.getOrComputeResource(TOUCHED, key -> {
            Map<TokenQueueId, Instant> fresh = new LinkedHashMap<>();
            root.onPrepareCommit(u -> fresh.forEach(this::refresh));
            return fresh;
        });
        queues.merge(event.queueId(), at, (a, b) -> a.isAfter(b) ? a : b);
    }

    private void refresh(TokenQueueId queue, Instant now) {
        UUID servicePoint = queue.servicePointId().value();
        Double recent = tokens.recentServiceSeconds(servicePoint, RECENT_SERVICES);
        int perPatient = recent == null ? DEFAULT_SERVICE_SECONDS : (int) Math.round(recent);
        int counters = Math.max(1, tokens.activeCounters(servicePoint, queue.date()));
        int perPlace = perPatient / counters;
        List<QueueTokenEntry> entries = tokens.lineOf(servicePoint, queue.date());
        List<InLine> line = entries.stream()
                .filter(QueueTokenEntry::inLine)
                .map(QueueTokenEntry::line)
                .toList();
        Map<Integer, Integer> places = new HashMap<>();
        List<Call> order = CallingOrder.upcoming(line, line(queue).counters(), policy, now, line.size());
        for (int place = 0; place < order.size(); place++) {
            places.put(order.get(place).number(), place);
        }
        for (QueueTokenEntry entry : entries) {
            Integer place = entry.inLine() ? places.get(entry.number()) : null;
            entry.placed(place, place == null ? null : place * perPlace);
        }
        boards.changed(queue);
    }
}
