package org.carelog.command.queue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The facility's calling rules: its priority categories in the order they are called (configurable,
 * emergency, elderly, pregnant and disability by default), after how many priority or appointment calls
 * in a row the longest-waiting walk-in is called anyway, and after how many further calls a skipped
 * patient is back in line.
 */
public record QueuePolicy(List<String> priorityCategories, int fairnessAfter, int skipReturnsAfterCalls) {

    public QueuePolicy {
        priorityCategories = priorityCategories.stream()
                .map(c -> c.strip().toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
        if (fairnessAfter < 1 || skipReturnsAfterCalls < 0) {
            throw new IllegalArgumentException(
                    "fairness-after must be at least 1 and skip-returns-after-calls not negative");
        }
    }

    public static QueuePolicy defaults() {
        return new QueuePolicy(List.of("EMERGENCY", "ELDERLY", "PREGNANT", "DISABILITY"), 3, 3);
    }

    /** The configured category a client named, in its canonical form; empty when there is no such category. */
    Optional<String> category(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String canonical = raw.strip().toUpperCase(Locale.ROOT);
        return priorityCategories.contains(canonical) ? Optional.of(canonical) : Optional.empty();
    }

    /** Earlier categories are called first; a category no longer configured comes after all configured ones. */
    int rank(String category) {
        int index = priorityCategories.indexOf(category);
        return index < 0 ? priorityCategories.size() : index;
    }
}
