package org.carelog.query.queue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.queue.TokenQueueId;
import org.carelog.query.queue.QueueViews.QueueBoardView;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Live boards. Told of every board change in the facility (from whichever process projected it), it
 * reads each changed board once and pushes it to every display of that service point connected here.
 * A board is also read again every {@link #REFRESH}: the day turns at midnight without an event, and a
 * change missed while the notification connection was down is caught up.
 */
@Component
public class QueueBoardFeed {

    static final Duration REFRESH = Duration.ofSeconds(60);

    private final QueueQueries queries;
    private final Sinks.Many<ServicePointId> changes = Sinks.many().multicast().directBestEffort();
    private final Map<ServicePointId, Flux<QueueBoardView>> boards = new ConcurrentHashMap<>();

    QueueBoardFeed(QueueQueries queries) {
        this.queries = queries;
    }

    /** A queue's board changed (its projection committed). Called from any thread. */
    public void changed(TokenQueueId queue) {
        emit(queue.servicePointId());
    }

    /** Every board may have changed (notifications may have been missed). */
    public void changedAll() {
        boards.keySet().forEach(this::emit);
    }

    private synchronized void emit(ServicePointId servicePoint) {
        changes.tryEmitNext(servicePoint);
    }

    /** The board now, then each time it changes; one read per change for all its displays. */
    Flux<QueueBoardView> watch(ServicePointId servicePoint) {
        return boards.computeIfAbsent(servicePoint, this::feed);
    }

    private Flux<QueueBoardView> feed(ServicePointId servicePoint) {
        Flux<Object> triggers = Flux.merge(
                changes.asFlux().filter(servicePoint::equals).onBackpressureLatest(),
                Flux.interval(REFRESH, REFRESH).onBackpressureDrop());
        return triggers.startWith(servicePoint)
                // A burst of changes is one read: a read in progress is followed by one more, at most.
                .onBackpressureLatest()
                .concatMap(
                        trigger -> Mono.fromCallable(() -> queries.board(servicePoint))
                                .subscribeOn(Schedulers.boundedElastic()),
                        1)
                .distinctUntilChanged(QueueBoardFeed::content)
                .replay(1)
                .refCount();
    }

    /** What a display shows, without the time the board was read. */
    private static Object content(QueueBoardView board) {
        return java.util.List.of(board.date(), board.code(), board.nowServing(), board.next());
    }
}
