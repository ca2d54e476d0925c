package org.carelog.api.queue;

import java.util.List;

/**
 * How a queue did on a day: tokens issued, served and not shown, those still waiting, served per local
 * hour, and the average and 90th percentile of the wait (issue to first call) and of the service time
 * (start to finish), in seconds; null where nothing was measured yet.
 */
public record QueueStatistics(
        TokenQueueId queueId,
        long issued,
        long served,
        long noShows,
        long waiting,
        List<HourlyCount> servedPerHour,
        Double averageWaitSeconds,
        Double p90WaitSeconds,
        Double averageServiceSeconds,
        Double p90ServiceSeconds) {

    /** Tokens served in one local hour of the day (0-23). */
    public record HourlyCount(int hour, long served) {}
}
