package org.carelog.infra.telemedicine;

import java.time.Clock;
import org.carelog.api.common.CarelogException;
import org.carelog.api.telemedicine.CloseJoinWindow;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.command.telemedicine.ConsultationRegistry;
import org.carelog.command.telemedicine.TelemedicineCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Decides missed consultations when their join window closes: a consultation still scheduled is missed by the
 * patient, one with the patient in the waiting room is missed by the clinician. One Carelog process at a time
 * (advisory lock); the consultation itself ignores one that moved on meanwhile. A job rather than a deadline per
 * consultation: one indexed query a minute, and nothing to cancel when an appointment moves.
 */
@Component
class MissedConsultationJob {

    private static final Logger log = LoggerFactory.getLogger(MissedConsultationJob.class);
    private static final long LOCK = 0x4341_524c_544dL; // "CARLTM"
    private static final int LIMIT = 1000;

    private final ConsultationRegistry registry;
    private final TelemedicineCommands commands;
    private final TelemedicineProperties properties;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    MissedConsultationJob(
            ConsultationRegistry registry,
            TelemedicineCommands commands,
            TelemedicineProperties properties,
            Clock clock,
            JdbcTemplate jdbc) {
        this.registry = registry;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Scheduled(
            fixedDelayString = "${carelog.telemedicine.missed-check-interval:PT1M}",
            initialDelayString = "${carelog.telemedicine.missed-check-interval:PT1M}")
    void closeWindows() {
        Integer closed = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (var lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK);
                try (var rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return 0;
                    }
                }
            }
            try {
                return closeDue();
            } finally {
                try (var unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK);
                    unlock.execute();
                }
            }
        });
        if (closed != null && closed > 0) {
            log.info("Closed the join window of {} virtual consultations", closed);
        }
    }

    /** Closes the windows that have closed by now (one pass); how many were sent. */
    int closeDue() {
        int closed = 0;
        for (ConsultationId consultation :
                registry.unfinishedEndedBefore(clock.instant().minus(properties.joinClosesAfter()), LIMIT)) {
            try {
                commands.sendAs(TelemedicineCommands.TELEMEDICINE, new CloseJoinWindow(consultation), null, null);
                closed++;
            } catch (CarelogException | org.axonframework.commandhandling.CommandExecutionException e) {
                log.warn("Consultation {} not closed: {}", consultation, e.getMessage());
            }
        }
        return closed;
    }
}
