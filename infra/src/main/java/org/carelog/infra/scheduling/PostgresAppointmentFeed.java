package org.carelog.infra.scheduling;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.carelog.query.scheduling.AppointmentFeed;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Listens on PostgreSQL channel {@value NotifyingAppointmentChanges#CHANNEL} with one connection of its
 * own and hands every notice to the subscribers in this process. The calendar projector of whichever
 * process wrote the change sends the notice in its transaction, so dashboards on every node hear it.
 * A lost connection is reopened; notices sent while it was down are lost (a dashboard that reconnects
 * reads the calendar again first).
 */
@Component
class PostgresAppointmentFeed implements AppointmentFeed, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PostgresAppointmentFeed.class);

    private final DataSource dataSource;
    private final Sinks.Many<DayChanged> sink = Sinks.many().multicast().directBestEffort();
    private volatile boolean running;
    private Thread listener;

    PostgresAppointmentFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Flux<DayChanged> changes() {
        return sink.asFlux();
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "appointment-feed");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + NotifyingAppointmentChanges.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(500);
                    if (notices != null) {
                        for (PGNotification notice : notices) {
                            publish(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Appointment feed lost its connection ({}); listening again in 1 s", e.getMessage());
                    sleep();
                }
            }
        }
    }

    private void publish(String payload) {
        int split = payload.lastIndexOf('_');
        try {
            sink.tryEmitNext(new DayChanged(
                    UUID.fromString(payload.substring(0, split)), LocalDate.parse(payload.substring(split + 1))));
        } catch (RuntimeException e) {
            log.warn("Ignored a malformed appointment notice");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
