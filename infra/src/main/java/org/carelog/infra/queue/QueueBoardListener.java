package org.carelog.infra.queue;

import javax.sql.DataSource;
import org.carelog.api.queue.TokenQueueId;
import org.carelog.infra.database.NotificationListener;
import org.carelog.query.queue.QueueBoardFeed;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL for board changes announced by any Carelog process ({@link
 * PostgresQueueBoardChanges}) and hands them to this process's live boards; after a lost connection every
 * board reads itself again, since notifications sent meanwhile are lost.
 */
@Component
class QueueBoardListener extends NotificationListener {

    QueueBoardListener(DataSource dataSource, QueueBoardFeed feed) {
        super(
                dataSource,
                PostgresQueueBoardChanges.CHANNEL,
                queue -> feed.changed(TokenQueueId.parse("queue", queue)),
                feed::changedAll);
    }
}
