package org.carelog.projection.queue;

import org.carelog.api.queue.TokenQueueId;

/**
 * Told, inside the projection's transaction, that a queue's board changed. The implementation must
 * reach the boards connected to every Carelog process, and only once the transaction commits.
 */
public interface QueueBoardChanges {

    void changed(TokenQueueId queue);
}
