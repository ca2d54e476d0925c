package org.carelog.api.queue;

/**
 * The facility's calling rules: its priority categories in the order they are called, after how many
 * priority or appointment calls in a row that passed over a waiting walk-in the longest-waiting walk-in
 * is called anyway, and after how many further calls a skipped patient is back in line.
 */
public record QueuePolicy(PriorityCategories priorities, int fairnessAfter, int skipReturnsAfterCalls) {

    public QueuePolicy {
        if (priorities == null || fairnessAfter < 1 || skipReturnsAfterCalls < 0) {
            throw new IllegalArgumentException(
                    "priority categories are required, fairness-after at least 1, skip-returns-after-calls not negative");
        }
    }
}
