package org.carelog.infra.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.carelog.api.queue.TokenQueueId;
import org.carelog.query.queue.QueueBoardFeed;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL for board changes announced by any Carelog process ({@link
 * PostgresQueueBoardChanges}) and hands them to this process's live boards. One connection of the pool is
 * held for it. When the connection fails it reconnects with a growing pause, and then tells every board
 * to read itself again, since notifications sent meanwhile are lost.
 */
@Component
class QueueBoardListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueBoardListener.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final QueueBoardFeed feed;
    private volatile boolean running;
    private Thread thread;

    QueueBoardListener(DataSource dataSource, QueueBoardFeed feed) {
        this.dataSource = dataSource;
        this.feed = feed;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "queue-board-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        long pause = 100;
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + PostgresQueueBoardChanges.CHANNEL);
                }
                if (reconnecting) {
                    feed.changedAll();
                }
                pause = 100;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Queue board notifications interrupted ({}); reconnecting in {} ms", e.getMessage(), pause);
                reconnecting = true;
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private void deliver(String queue) {
        try {
            feed.changed(TokenQueueId.parse("queue", queue));
        } catch (RuntimeException e) {
            log.warn("Ignored a queue board notification that names no queue: {}", queue);
        }
    }

    /** Stops before the database does (the default phase is last to start, first to stop). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
