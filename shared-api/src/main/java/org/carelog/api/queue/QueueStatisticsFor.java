package org.carelog.api.queue;

/** How one service point's queue did on one day. */
public record QueueStatisticsFor(TokenQueueId queueId) {}
