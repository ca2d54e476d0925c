package org.carelog.infra.queue;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token queue settings.
 *
 * @param priorityCategories the priority categories, in the order they are called
 * @param fairnessAfter after this many priority or appointment calls in a row that passed over a waiting
 *     walk-in, the longest-waiting walk-in is called
 * @param skipReturnsAfterCalls a skipped patient is back in line after this many further calls
 * @param snapshotAfterEvents a queue is snapshotted after this many events, so loading it stays quick
 */
@ConfigurationProperties("carelog.queue")
public record QueueProperties(
        @DefaultValue({"EMERGENCY", "ELDERLY", "PREGNANT", "DISABILITY"}) List<String> priorityCategories,
        @DefaultValue("3") int fairnessAfter,
        @DefaultValue("3") int skipReturnsAfterCalls,
        @DefaultValue("100") int snapshotAfterEvents) {

    public QueueProperties {
        if (priorityCategories.stream().anyMatch(c -> !c.strip().matches("[A-Za-z][A-Za-z_]{1,29}"))) {
            throw new IllegalArgumentException(
                    "carelog.queue.priority-categories must be names of 2 to 30 letters or underscores");
        }
        if (snapshotAfterEvents < 1) {
            throw new IllegalArgumentException("carelog.queue.snapshot-after-events must be at least 1");
        }
    }
}
