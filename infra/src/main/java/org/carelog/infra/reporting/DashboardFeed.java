package org.carelog.infra.reporting;

import java.time.Duration;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.carelog.infra.database.NotificationListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The days whose reports changed, as any Carelog process on the database projected them: the report projector
 * notifies {@code carelog_dashboard} in its transaction and PostgreSQL delivers at commit. After a lost
 * connection every dashboard reads itself again (notices sent meanwhile are lost).
 */
@Component
class DashboardFeed extends NotificationListener {

    /** A dashboard reads itself at most this often however fast events come. */
    static final Duration AT_MOST_EVERY = Duration.ofMillis(500);

    private static final Sinks.Many<LocalDate> CHANGES =
            Sinks.many().multicast().directBestEffort();

    DashboardFeed(DataSource dataSource) {
        super(
                dataSource,
                OperationalReportProjector.CHANNEL,
                day -> CHANGES.tryEmitNext(LocalDate.parse(day)),
                () -> CHANGES.tryEmitNext(LocalDate.MAX));
    }

    /** Signals each time reports of {@code day} may have changed (also after a reconnection). */
    Flux<LocalDate> changesOf(LocalDate day) {
        return CHANGES.asFlux()
                .filter(changed -> changed.equals(day) || changed.equals(LocalDate.MAX))
                .sample(AT_MOST_EVERY);
    }
}
