package org.carelog.infra.queue;

import org.carelog.api.queue.TokenQueueId;
import org.carelog.projection.queue.QueueBoardChanges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces a board change with PostgreSQL's NOTIFY in the projection's transaction: PostgreSQL delivers
 * it on commit (never for a rollback) to every Carelog process listening on the database, whichever
 * process ran the projection. See {@link QueueBoardListener}.
 */
@Component
class PostgresQueueBoardChanges implements QueueBoardChanges {

    static final String CHANNEL = "carelog_queue_board";

    private final JdbcTemplate jdbc;

    PostgresQueueBoardChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void changed(TokenQueueId queue) {
        jdbc.queryForList("select pg_notify(?, ?)", CHANNEL, queue.toString());
    }
}
