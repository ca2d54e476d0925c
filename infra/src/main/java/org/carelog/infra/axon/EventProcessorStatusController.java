package org.carelog.infra.axon;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.carelog.api.common.CarelogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
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
    private static final Logger LOG = LoggerFactory.getLogger(EventProcessorStatusController.class);

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

    /**
     * Rebuilds one read model from the event store: stops its processor here, resets its tokens (its reset
     * handler empties its tables) and starts it again; the status that comes back shows it replaying. Refused
     * for processors that must never replay (process managers that send commands). With several Carelog
     * processes, only the segments this process holds are released: run it where the processor runs alone.
     */
    /** Which read model to rebuild; a retry with the same key (same process, within ten minutes) rebuilds once. */
    record RebuildReadModelInput(String name, String idempotencyKey) {}

    /** The processor's status right after the rebuild started. */
    record RebuildReadModelPayload(EventProcessorStatus processor) {}

    private final Map<String, RebuildReadModelPayload> recentRebuilds =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RebuildReadModelPayload> eldest) {
                    return size() > 100;
                }
            });

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    RebuildReadModelPayload rebuildReadModel(@Argument RebuildReadModelInput input, Authentication admin) {
        String key = input.idempotencyKey() == null || input.idempotencyKey().isBlank()
                ? null
                : admin.getName() + "\u0000" + input.idempotencyKey().strip();
        if (key != null && recentRebuilds.containsKey(key)) {
            return recentRebuilds.get(key);
        }
        RebuildReadModelPayload payload = new RebuildReadModelPayload(rebuild(input.name(), admin));
        if (key != null) {
            recentRebuilds.put(key, payload);
        }
        return payload;
    }

    private EventProcessorStatus rebuild(String name, Authentication admin) {
        StreamingEventProcessor processor = processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> CarelogException.notFound("No read model (tracking processor) named " + name));
        if (!processor.supportsReset()) {
            throw CarelogException.conflict(
                    name + " sends commands or messages and is never replayed", Map.of("name", name));
        }
        LOG.info("{} rebuilds read model {}", admin.getName(), name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        TrackingToken headToken = events.createHeadToken();
        return EventProcessorStatus.of(
                processor.getName(),
                processor.processingStatus().values(),
                headToken == null ? 0 : headToken.position().orElse(0));
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
