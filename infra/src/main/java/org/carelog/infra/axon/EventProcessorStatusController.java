package org.carelog.infra.axon;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The projections' progress for operations dashboards: a query, and a subscription that pushes the
 * list whenever it changes (checked every second). It describes the process that answers; each
 * Carelog process runs its share of the segments.
 */
@Controller
class EventProcessorStatusController {

    static final Duration PERIOD = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    EventProcessorStatusController(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    List<EventProcessorStatus> eventProcessors() {
        return statuses();
    }

    @SubscriptionMapping("eventProcessors")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    Flux<List<EventProcessorStatus>> watchEventProcessors() {
        return Flux.interval(Duration.ZERO, PERIOD)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(this::statuses).subscribeOn(Schedulers.boundedElastic()))
                .distinctUntilChanged();
    }

    private List<EventProcessorStatus> statuses() {
        TrackingToken headToken = events.createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(p -> EventProcessorStatus.of(
                        p.getName(), p.processingStatus().values(), head))
                .sorted(Comparator.comparing(EventProcessorStatus::name))
                .toList();
    }
}
