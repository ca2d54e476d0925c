package org.carelog.api.queue;

/** An event of one token queue; read models keyed by service point sequence their handling on it. */
public interface QueueEvent {

    TokenQueueId queueId();
}
