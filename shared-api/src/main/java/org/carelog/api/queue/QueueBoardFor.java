package org.carelog.api.queue;

/** What a waiting-room display shows for one service point today. */
public record QueueBoardFor(TokenQueueId queueId) {}
