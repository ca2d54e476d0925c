package org.carelog.infra.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on one PostgreSQL NOTIFY channel and hands each payload to a consumer in this process. Projectors
 * send such notices in their transaction, so PostgreSQL delivers them on commit (never for a rollback) to
 * every Carelog process on the database. One connection of the pool is held for it. When the connection
 * fails it reconnects with a growing pause and then calls {@code onReconnect}, since notices sent
 * meanwhile are lost. Live boards and calendars use one each.
 */
public class NotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final String channel;
    private final Consumer<String> onNotice;
    private final Runnable onReconnect;
    private volatile boolean running;
    private Thread thread;

    public NotificationListener(
            DataSource dataSource, String channel, Consumer<String> onNotice, Runnable onReconnect) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("channel names are lower-case letters and underscores");
        }
        this.dataSource = dataSource;
        this.channel = channel;
        this.onNotice = onNotice;
        this.onReconnect = onReconnect;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, channel + "-listener");
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
                    statement.execute("listen " + channel);
                }
                if (reconnecting) {
                    onReconnect.run();
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
                log.warn("Notifications on {} interrupted ({}); reconnecting in {} ms", channel, e.getMessage(), pause);
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

    private void deliver(String payload) {
        try {
            onNotice.accept(payload);
        } catch (RuntimeException e) {
            log.warn("Ignored a malformed notice on {}: {}", channel, payload);
        }
    }

    /** Stops before the database does (the default phase is last to start, first to stop). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
