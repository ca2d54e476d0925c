package org.carelog.query.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.carelog.api.scheduling.AppointmentRecord;
import org.carelog.api.scheduling.AppointmentStatus;
import org.carelog.api.scheduling.AppointmentSummary;
import org.carelog.api.scheduling.AppointmentTransition;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.AvailableSlot;
import org.carelog.api.scheduling.RebookingCause;
import org.carelog.api.scheduling.VisitKind;

/** The GraphQL shapes of scheduling: times in the facility's zone. */
final class SchedulingViews {

    private SchedulingViews() {}

    record AvailableSlotView(
            String practitionerId,
            String servicePointId,
            OffsetDateTime start,
            OffsetDateTime end,
            int capacity,
            int freePlaces,
            List<AppointmentType> types) {

        static AvailableSlotView of(AvailableSlot s, ZoneId zone) {
            return new AvailableSlotView(
                    s.practitionerId(),
                    s.servicePointId(),
                    local(s.start(), zone),
                    local(s.end(), zone),
                    s.capacity(),
                    s.freePlaces(),
                    s.types().stream().sorted().toList());
        }
    }

    record AppointmentView(
            String id,
            String practitionerId,
            String patientId,
            String departmentId,
            String servicePointId,
            LocalDate date,
            OffsetDateTime start,
            OffsetDateTime end,
            AppointmentType type,
            VisitKind visitKind,
            boolean walkIn,
            AppointmentStatus status,
            RebookingCause rebookingCause,
            String rescheduledTo,
            OffsetDateTime bookedAt,
            OffsetDateTime updatedAt) {

        static AppointmentView of(AppointmentSummary a, ZoneId zone) {
            return new AppointmentView(
                    a.appointmentId(),
                    a.practitionerId(),
                    a.patientId(),
                    a.departmentId(),
                    a.servicePointId(),
                    a.date(),
                    local(a.start(), zone),
                    local(a.end(), zone),
                    a.type(),
                    a.visitKind(),
                    a.walkIn(),
                    a.status(),
                    a.rebookingCause(),
                    a.rescheduledTo(),
                    local(a.bookedAt(), zone),
                    local(a.updatedAt(), zone));
        }
    }

    record TransitionView(String event, OffsetDateTime at, String username, String role, String detail) {

        static TransitionView of(AppointmentTransition t, ZoneId zone) {
            return new TransitionView(t.event(), local(t.at(), zone), t.username(), t.role(), t.detail());
        }
    }

    record AppointmentRecordView(AppointmentView appointment, List<TransitionView> history) {

        static AppointmentRecordView of(AppointmentRecord r, ZoneId zone) {
            return new AppointmentRecordView(
                    AppointmentView.of(r.appointment(), zone),
                    r.history().stream().map(t -> TransitionView.of(t, zone)).toList());
        }
    }

    record AppointmentEdge(String cursor, AppointmentView node) {}

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    record AppointmentConnection(List<AppointmentEdge> edges, PageInfo pageInfo) {}

    record DayCalendarChange(String practitionerId, LocalDate date, List<AppointmentView> appointments) {}

    static OffsetDateTime local(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toOffsetDateTime();
    }
}
