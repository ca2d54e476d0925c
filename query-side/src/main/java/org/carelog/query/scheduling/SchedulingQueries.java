package org.carelog.query.scheduling;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.carelog.api.common.CarelogException;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentRecord;
import org.carelog.api.scheduling.AppointmentSummary;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.AvailableSlot;
import org.carelog.api.scheduling.FindAppointment;
import org.carelog.api.scheduling.FindAppointmentsNeedingRebooking;
import org.carelog.api.scheduling.FindAvailableSlots;
import org.carelog.api.scheduling.FindDayCalendar;
import org.carelog.api.scheduling.FindDepartmentAppointments;
import org.carelog.api.scheduling.FindPatientAppointments;
import org.carelog.query.scheduling.SchedulingViews.AppointmentConnection;
import org.carelog.query.scheduling.SchedulingViews.AppointmentEdge;
import org.carelog.query.scheduling.SchedulingViews.AppointmentRecordView;
import org.carelog.query.scheduling.SchedulingViews.AppointmentView;
import org.carelog.query.scheduling.SchedulingViews.AvailableSlotView;
import org.carelog.query.scheduling.SchedulingViews.DayCalendarChange;
import org.carelog.query.scheduling.SchedulingViews.PageInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Free slots, calendars (also live), patients' appointments, department lists and the rebooking list;
 * every staff role.
 */
@Controller
class SchedulingQueries {

    static final String STAFF = "hasAnyRole('RECEPTIONIST', 'ADMIN', 'DOCTOR', 'NURSE', 'BILLING', 'AUDITOR')";
    static final int MAX_PAGE = 100;

    private final QueryGateway queries;
    private final Clock clock;
    private final ObjectProvider<AppointmentCalendarFeed> feed;

    SchedulingQueries(QueryGateway queries, Clock clock, ObjectProvider<AppointmentCalendarFeed> feed) {
        this.queries = queries;
        this.clock = clock;
        this.feed = feed;
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<AvailableSlotView> availableSlots(
            @Argument String practitionerId,
            @Argument String specialty,
            @Argument LocalDate from,
            @Argument LocalDate to,
            @Argument AppointmentType type) {
        if (practitionerId == null && (specialty == null || specialty.isBlank())) {
            throw CarelogException.validation("practitionerId", "a practitioner or a specialty is required");
        }
        PractitionerId practitioner =
                practitionerId == null ? null : PractitionerId.parse("practitionerId", practitionerId);
        List<AvailableSlot> found = queries.query(
                        new FindAvailableSlots(practitioner, specialty, from, to, type),
                        ResponseTypes.multipleInstancesOf(AvailableSlot.class))
                .join();
        return found.stream().map(s -> AvailableSlotView.of(s, zone())).toList();
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<AppointmentView> dayCalendar(@Argument String practitionerId, @Argument LocalDate date) {
        return calendar(PractitionerId.parse("practitionerId", practitionerId), date);
    }

    /**
     * A practitioner's day calendar now, then again after every change, whichever Carelog process made
     * it (PostgreSQL notices from the calendar projector). Any staff role.
     */
    @SubscriptionMapping("appointmentsChanged")
    @PreAuthorize(STAFF)
    Flux<DayCalendarChange> watchDayCalendar(@Argument String practitionerId, @Argument LocalDate date) {
        PractitionerId practitioner = PractitionerId.parse("practitionerId", practitionerId);
        if (date == null) {
            throw CarelogException.validation("date", "is required");
        }
        return feed.getObject().watch(practitioner, date);
    }

    /** The calendar of one day; for the live feed too, which checked the caller's role when subscribed. */
    List<AppointmentView> calendar(PractitionerId practitioner, LocalDate date) {
        return list(new FindDayCalendar(practitioner, date));
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    List<AppointmentView> departmentAppointments(@Argument String departmentId, @Argument LocalDate date) {
        return list(new FindDepartmentAppointments(DepartmentId.parse("departmentId", departmentId), date));
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    AppointmentConnection patientAppointments(
            @Argument String patientId, @Argument Boolean past, @Argument Integer first, @Argument String after) {
        int size = size(first);
        boolean upcoming = !Boolean.TRUE.equals(past);
        return page(size, limit -> queries.query(
                        new FindPatientAppointments(
                                PatientId.parse("patientId", patientId),
                                upcoming,
                                clock.instant(),
                                after == null ? null : decodeCursor(after),
                                limit),
                        ResponseTypes.multipleInstancesOf(AppointmentSummary.class))
                .join());
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    AppointmentConnection appointmentsNeedingRebooking(@Argument Integer first, @Argument String after) {
        return page(size(first), limit -> queries.query(
                        new FindAppointmentsNeedingRebooking(after == null ? null : decodeCursor(after), limit),
                        ResponseTypes.multipleInstancesOf(AppointmentSummary.class))
                .join());
    }

    @QueryMapping
    @PreAuthorize(STAFF)
    AppointmentRecordView appointment(@Argument String id) {
        AppointmentRecord found = queries.query(
                        new FindAppointment(AppointmentId.parse("id", id)),
                        ResponseTypes.instanceOf(AppointmentRecord.class))
                .join();
        return found == null ? null : AppointmentRecordView.of(found, zone());
    }

    private List<AppointmentView> list(Object query) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(AppointmentSummary.class)).join().stream()
                .map(a -> AppointmentView.of(a, zone()))
                .toList();
    }

    /** One more row than asked tells whether there is a next page. */
    private AppointmentConnection page(int size, Function<Integer, List<AppointmentSummary>> fetch) {
        List<AppointmentSummary> rows = fetch.apply(size + 1);
        List<AppointmentEdge> edges = rows.stream()
                .limit(size)
                .map(a -> new AppointmentEdge(encodeCursor(a.start()), AppointmentView.of(a, zone())))
                .toList();
        return new AppointmentConnection(
                edges,
                new PageInfo(
                        rows.size() > size,
                        false,
                        edges.isEmpty() ? null : edges.get(0).cursor(),
                        edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
    }

    private static int size(Integer first) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw CarelogException.validation("first", "must be between 1 and " + MAX_PAGE);
        }
        return size;
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    static String encodeCursor(Instant start) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("appointment:" + start).getBytes(StandardCharsets.UTF_8));
    }

    static Instant decodeCursor(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("appointment:")) {
                throw new IllegalArgumentException(raw);
            }
            return Instant.parse(raw.substring("appointment:".length()));
        } catch (RuntimeException e) {
            throw CarelogException.validation("after", "is not a cursor from this list");
        }
    }
}
