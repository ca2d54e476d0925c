package org.carelog.infra.scheduling;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.carelog.api.scheduling.FacilityWeek;
import org.carelog.command.scheduling.ScheduleCommands;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling's settings, the facility's week for both sides, the no-show job's timer and the retry metric. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulingProperties.class)
@EnableScheduling
class SchedulingConfiguration {

    /**
     * Day schedules stay in memory between bookings instead of being replayed from their events each
     * time (PERFORMANCE.md). Weak references: the collector takes them back under memory pressure.
     */
    @Bean
    Cache dayScheduleCache() {
        return new WeakReferenceCache();
    }

    @Bean
    FacilityWeek facilityWeek(SchedulingProperties properties) {
        return new FacilityWeek(properties.weeklyOffDay());
    }

    /** Day schedule commands sent again after a concurrent append to the same day (see ScheduleCommands). */
    @Bean
    FunctionCounter bookingRetries(MeterRegistry meters, ScheduleCommands commands) {
        return FunctionCounter.builder("carelog.scheduling.retries", commands, ScheduleCommands::retries)
                .description("Day schedule commands re-decided after another transaction appended to the same day")
                .register(meters);
    }
}
