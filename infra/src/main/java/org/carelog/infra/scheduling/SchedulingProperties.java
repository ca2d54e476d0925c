package org.carelog.infra.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduling settings of the facility.
 *
 * @param weeklyOffDay the day the facility is closed every week (no slots unless a one-off change opens it)
 * @param dayClosesAt local time after which a day is closed: booked appointments of closed days that
 *     were never checked in become no-shows
 * @param noShowCheckInterval how often closed days are looked at
 */
@ConfigurationProperties("carelog.scheduling")
public record SchedulingProperties(
        @DefaultValue("FRIDAY") DayOfWeek weeklyOffDay,
        @DefaultValue("23:00") LocalTime dayClosesAt,
        @DefaultValue("PT5M") Duration noShowCheckInterval) {}
