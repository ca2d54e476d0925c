package org.carelog.api.queue;

/** Every token of one queue (a service point's day), by number. */
public record FindQueueTokens(TokenQueueId queueId) {}
