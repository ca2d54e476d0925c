package org.carelog.infra.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import org.carelog.command.patient.ClinicalRetention;

/**
 * Clinical records are kept for a fixed period after the patient's last recorded activity, counted in
 * the facility's days (carelog.privacy.clinical-retention, ten years by default).
 */
final class PeriodRetention implements ClinicalRetention {

    private final Period period;
    private final Clock clock;
    private final ZoneId zone;

    PeriodRetention(Period period, Clock clock, ZoneId zone) {
        this.period = period;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Optional<LocalDate> retainedUntil(Instant lastActivity) {
        if (period.isZero() || lastActivity == null) {
            return Optional.empty();
        }
        LocalDate until = LocalDate.ofInstant(lastActivity, zone).plus(period);
        return LocalDate.now(clock.withZone(zone)).isBefore(until) ? Optional.of(until) : Optional.empty();
    }
}
