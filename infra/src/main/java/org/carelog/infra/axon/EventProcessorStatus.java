package org.carelog.infra.axon;

import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;

/**
 * How far one projection's processor is in this Carelog process: its lowest segment position, how many
 * events it is behind the head of the event store, and whether it is caught up, replaying or stopped by
 * an error.
 */
record EventProcessorStatus(
        String name, int segments, boolean caughtUp, boolean replaying, boolean error, Long position, Long behind) {

    static EventProcessorStatus of(String name, Collection<EventTrackerStatus> segments, long head) {
        OptionalLong lowest = segments.stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
        Long position = lowest.isPresent() ? lowest.getAsLong() : null;
        return new EventProcessorStatus(
                name,
                segments.size(),
                !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp),
                segments.stream().anyMatch(EventTrackerStatus::isReplaying),
                segments.stream().anyMatch(EventTrackerStatus::isErrorState),
                position,
                position == null ? null : Math.max(0, head - position));
    }
}
