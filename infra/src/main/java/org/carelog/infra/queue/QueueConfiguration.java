package org.carelog.infra.queue;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.carelog.api.queue.PriorityCategories;
import org.carelog.api.queue.QueueEvent;
import org.carelog.api.queue.QueuePolicy;
import org.carelog.command.queue.QueueCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Token queues: the calling policy from configuration, snapshots and a cache so that a busy queue loads
 * quickly, the queue read model sequenced per service point, and a metric of commands retried after
 * losing a race between Carelog processes.
 */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    @Bean
    PriorityCategories priorityCategories(QueueProperties properties) {
        return new PriorityCategories(properties.priorityCategories());
    }

    @Bean
    QueuePolicy queuePolicy(QueueProperties properties, PriorityCategories categories) {
        return new QueuePolicy(categories, properties.fairnessAfter(), properties.skipReturnsAfterCalls());
    }

    /**
     * A queue of several hundred tokens holds over a thousand events by the evening. The snapshot holds no
     * personal data (the aggregate keeps none), and it is stored through the personal-data serializer.
     */
    @Bean
    SnapshotTriggerDefinition tokenQueueSnapshotTrigger(Snapshotter snapshotter, QueueProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotAfterEvents());
    }

    /**
     * Keeps loaded queues between commands. Safe with several processes: a queue changed by another process
     * is stale here only until its next append collides with that process's events; the collision rolls
     * back, evicts it, and {@link QueueCommands} sends the command again on a fresh load.
     */
    @Bean
    Cache tokenQueueCache() {
        return new WeakReferenceCache();
    }

    /** The queue read model is keyed by service point: its events are handled in order per service point. */
    @Bean
    ConfigurerModule queueSequencing() {
        SequencingPolicy<EventMessage<?>> byServicePoint = event ->
                event.getPayload() instanceof QueueEvent q ? q.queueId().servicePointId() : event.getIdentifier();
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerSequencingPolicy("queue-tokens", c -> byServicePoint));
    }

    @Bean
    MeterBinder queueRetries(QueueCommands commands) {
        return registry -> FunctionCounter.builder("carelog.queue.command.retries", commands, QueueCommands::retries)
                .description("Queue commands sent again after another Carelog process appended to the queue first")
                .register(registry);
    }
}
