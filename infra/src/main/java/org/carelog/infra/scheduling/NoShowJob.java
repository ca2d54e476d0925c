package org.carelog.infra.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.carelog.api.scheduling.MarkNoShow;
import org.carelog.command.scheduling.PatientTime;
import org.carelog.command.scheduling.ScheduleCommands;
import org.carelog.command.scheduling.SchedulingRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks no-shows when the facility's day closes: every appointment of a closed day that is still
 * booked (never checked in) becomes a no-show, through its day schedule. Safe with several Carelog
 * processes: one at a time holds a PostgreSQL advisory lock for the pass, and the day schedule ignores
 * an appointment that was checked in, cancelled or already marked meanwhile.
 */
@Component
public class NoShowJob {

    private static final Logger log = LoggerFactory.getLogger(NoShowJob.class);
    private static final long LOCK = 0x4341_524c_4e53L; // "CARLNS"
    private static final int LIMIT = 5000;

    private final SchedulingRegistry registry;
    private final ScheduleCommands commands;
    private final SchedulingProperties properties;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    NoShowJob(
            SchedulingRegistry registry,
            ScheduleCommands commands,
            SchedulingProperties properties,
            Clock clock,
            JdbcTemplate jdbc) {
        this.registry = registry;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** The last local day that is closed now. */
    LocalDate lastClosedDay() {
        LocalDate today = LocalDate.now(clock);
        LocalTime now = LocalTime.now(clock);
        return now.isBefore(properties.dayClosesAt()) ? today.minusDays(1) : today;
    }

    @Scheduled(
            fixedDelayString = "${carelog.scheduling.no-show-check-interval:PT5M}",
            initialDelayString = "${carelog.scheduling.no-show-check-interval:PT5M}")
    public void closeDays() {
        // A session-level lock on one connection for the pass; each no-show is its own command and transaction.
        Integer marked = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (var lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK);
                try (var rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return 0;
                    }
                }
            }
            try {
                return markUpTo(lastClosedDay());
            } finally {
                try (var unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK);
                    unlock.execute();
                }
            }
        });
        if (marked != null && marked > 0) {
            log.info("Marked {} appointments of closed days as no-shows", marked);
        }
    }

    /** Marks the unattended appointments of days up to {@code lastClosedDay} (one pass); the number marked. */
    int markUpTo(LocalDate lastClosedDay) {
        int marked = 0;
        for (PatientTime appointment : registry.unattended(lastClosedDay, LIMIT)) {
            try {
                commands.sendAs(
                        ScheduleCommands.SCHEDULER,
                        new MarkNoShow(appointment.scheduleId(), appointment.appointmentId()),
                        null,
                        null);
                marked++;
            } catch (RuntimeException e) {
                // Its slot runs past the closing time, or the day schedule refused: the next pass tries again.
                log.warn("Appointment {} not marked as no-show: {}", appointment.appointmentId(), e.getMessage());
            }
        }
        return marked;
    }
}
