package org.carelog.query.scheduling;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.query.scheduling.SchedulingViews.AppointmentView;
import org.carelog.query.scheduling.SchedulingViews.DayCalendarChange;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Live day calendars for front-desk dashboards. Told of every calendar change in the facility (from
 * whichever process projected it), it reads each changed calendar once and pushes it to every dashboard
 * watching that practitioner's day in this process. Also read again every {@link #REFRESH}, which catches
 * up a change missed while the notification connection was down.
 */
@Component
public class AppointmentCalendarFeed {

    static final Duration REFRESH = Duration.ofSeconds(60);

    private final SchedulingQueries queries;
    private final Sinks.Many<Day> changes = Sinks.many().multicast().directBestEffort();
    private final Map<Day, Flux<DayCalendarChange>> calendars = new ConcurrentHashMap<>();

    AppointmentCalendarFeed(SchedulingQueries queries) {
        this.queries = queries;
    }

    private record Day(UUID practitionerId, LocalDate date) {}

    /** A practitioner's day changed in the calendar read model (its projection committed). Any thread. */
    public void changed(UUID practitionerId, LocalDate date) {
        emit(new Day(practitionerId, date));
    }

    /** Every calendar may have changed (notifications may have been missed). */
    public void changedAll() {
        calendars.keySet().forEach(this::emit);
    }

    private synchronized void emit(Day day) {
        changes.tryEmitNext(day);
    }

    /** The day's calendar now, then each time it changes; one read per change for all its dashboards. */
    Flux<DayCalendarChange> watch(PractitionerId practitioner, LocalDate date) {
        return calendars.computeIfAbsent(new Day(practitioner.value(), date), this::feed);
    }

    private Flux<DayCalendarChange> feed(Day day) {
        Flux<Object> triggers = Flux.merge(
                changes.asFlux().filter(day::equals).onBackpressureLatest(),
                Flux.interval(REFRESH, REFRESH).onBackpressureDrop());
        return triggers.startWith(day)
                .onBackpressureLatest()
                .concatMap(trigger -> Mono.fromCallable(() -> read(day)).subscribeOn(Schedulers.boundedElastic()), 1)
                .distinctUntilChanged(DayCalendarChange::appointments)
                .replay(1)
                .refCount();
    }

    private DayCalendarChange read(Day day) {
        List<AppointmentView> appointments = queries.calendar(new PractitionerId(day.practitionerId()), day.date());
        return new DayCalendarChange(day.practitionerId().toString(), day.date(), appointments);
    }
}
