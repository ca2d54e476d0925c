package org.carelog.command.scheduling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Text;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.scheduling.AppointmentBooking;
import org.carelog.api.scheduling.AppointmentCancelled;
import org.carelog.api.scheduling.AppointmentCheckedIn;
import org.carelog.api.scheduling.AppointmentCompleted;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentMarkedNoShow;
import org.carelog.api.scheduling.AppointmentNeedsRebooking;
import org.carelog.api.scheduling.AppointmentRescheduled;
import org.carelog.api.scheduling.AppointmentStatus;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.BookSlot;
import org.carelog.api.scheduling.BookingRefusal;
import org.carelog.api.scheduling.CancelAppointment;
import org.carelog.api.scheduling.CheckInAppointment;
import org.carelog.api.scheduling.CompleteAppointment;
import org.carelog.api.scheduling.DayClosure;
import org.carelog.api.scheduling.DayPlan;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.api.scheduling.MarkNoShow;
import org.carelog.api.scheduling.RebookingCause;
import org.carelog.api.scheduling.ReviewBookings;
import org.carelog.api.scheduling.Slot;
import org.carelog.api.scheduling.SlotBooked;
import org.carelog.api.scheduling.VisitKind;
import org.carelog.command.practitioner.PractitionerRegistry;

/**
 * One practitioner's day: the one consistency boundary for "no double booking". Every booking of the
 * day is decided here against the day's slots (derived from the practitioner's availability in the
 * {@link SchedulingRegistry}, read in the booking's transaction) and the places the day's events
 * already hold. Two bookings of one day, even from two Carelog processes, append to the same event
 * stream, and the event store's unique (aggregate, sequence) key lets only one of them commit; the
 * other is re-decided ({@link ScheduleCommands}). It also carries each appointment's life on that
 * day: checked in, completed, cancelled, rescheduled, no-show, flagged for rebooking.
 */
@Aggregate(cache = DaySchedule.CACHE)
class DaySchedule {

    /**
     * The bean name of the day schedules' cache (infra). A cached day that another process changed
     * meanwhile fails its append on the event store's key; the rollback evicts it and the retry reads
     * the stream again, so the cache never decides on stale state.
     */
    static final String CACHE = "dayScheduleCache";

    static final int MAX_NOTE = 500;

    @AggregateIdentifier
    private DayScheduleId scheduleId;

    private final Map<AppointmentId, Booking> bookings = new LinkedHashMap<>();

    DaySchedule() {
        // for Axon; created by its first booking
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AppointmentBooking handle(BookSlot command, SchedulingRegistry registry, PractitionerRegistry places, Clock clock) {
        return book(command, null, registry, places, clock);
    }

    /** Decides a booking; {@code rescheduledFrom} is the appointment it replaces, or null. */
    AppointmentBooking book(
            BookSlot command,
            AppointmentId rescheduledFrom,
            SchedulingRegistry registry,
            PractitionerRegistry places,
            Clock clock) {
        Violations violations = new Violations();
        require(violations, "appointmentId", command.appointmentId());
        require(violations, "patientId", command.patientId());
        require(violations, "start", command.slotStart());
        require(violations, "type", command.type());
        String note = violations.check(
                "note", () -> Text.isBlank(command.note()) ? null : Text.required("note", command.note(), MAX_NOTE));
        violations.throwIfAny();
        DayScheduleId day = command.scheduleId();

        Booking earlier = bookings.get(command.appointmentId());
        if (earlier != null) {
            if (!earlier.patientId().equals(command.patientId())
                    || !earlier.start().equals(command.slotStart())) {
                throw CarelogException.conflict("This appointment id was already used for another booking", null);
            }
            return earlier.result(command.appointmentId(), day, null);
        }
        if (!registry.patientExists(command.patientId())) {
            throw CarelogException.notFound("No patient with id " + command.patientId());
        }
        Clinician clinician = registry.clinician(day.practitionerId())
                .orElseThrow(() -> CarelogException.notFound("No practitioner with id " + day.practitionerId()));
        if (!clinician.registeredOn(day.date())) {
            throw BookingRefusal.REGISTRATION_LAPSED.conflict(
                    clinician.displayName() + "'s BMDC registration is missing or not valid on " + day.date()
                            + ": no clinical bookings until it is renewed",
                    day);
        }
        DayPlan plan = registry.dayPlan(day.practitionerId(), day.date(), true);
        if (plan.closure() != DayClosure.OPEN) {
            throw BookingRefusal.of(plan.closure()).conflict(closedMessage(clinician, plan.closure(), day.date()), day);
        }
        Slot slot = plan.slotAt(command.slotStart(), clock.getZone())
                .orElseThrow(() -> BookingRefusal.NOT_A_SLOT.conflict(
                        clinician.displayName() + " has no slot starting at that time on " + day.date(), day));
        if (!slot.end().isAfter(clock.instant())) {
            throw BookingRefusal.SLOT_PASSED.conflict("That slot is already over", day);
        }
        if (!slot.types().contains(command.type())) {
            throw BookingRefusal.TYPE_NOT_OFFERED.conflict(
                    "That slot offers " + slot.types() + " appointments only", day);
        }
        int appointments = count(b -> b.holdsPlace() && b.start().equals(slot.start()) && !b.walkIn());
        int walkIns = count(b -> b.holdsPlace() && b.start().equals(slot.start()) && b.walkIn());
        if (!slot.fits(command.walkIn(), appointments, walkIns)) {
            throw BookingRefusal.SLOT_FULL.conflict(
                    command.walkIn() || slot.walkInPlaces() == 0
                            ? "That slot is full"
                            : "That slot's places for appointments are taken (" + slot.walkInPlaces()
                                    + " kept for walk-ins)",
                    day);
        }
        if (bookings.values().stream()
                .anyMatch(b -> b.holdsPlace()
                        && b.patientId().equals(command.patientId())
                        && slot.overlaps(b.start(), b.end()))) {
            throw BookingRefusal.PATIENT_OVERLAP.conflict(
                    "The patient already has an appointment with this practitioner at that time", day);
        }
        DepartmentId department = places.openServicePointDepartment(slot.servicePointId())
                .orElseThrow(
                        () -> BookingRefusal.SERVICE_POINT_CLOSED.conflict("The slot's service point is closed", day));
        registry.claimPatientTime(
                        new PatientTime(
                                command.appointmentId(),
                                command.patientId(),
                                day,
                                slot.start(),
                                slot.end(),
                                command.walkIn(),
                                AppointmentStatus.BOOKED),
                        department)
                .ifPresent(other -> {
                    throw BookingRefusal.PATIENT_OVERLAP.conflict(
                            "The patient already holds an overlapping appointment (" + other + ")", day);
                });
        VisitKind kind = Objects.requireNonNullElse(command.visitKind(), VisitKind.NEW_VISIT);
        apply(new SlotBooked(
                day,
                command.appointmentId(),
                command.patientId(),
                department,
                slot.servicePointId(),
                slot.start(),
                slot.end(),
                command.type(),
                kind,
                command.walkIn(),
                note,
                command.assignmentReason(),
                rescheduledFrom));
        return new AppointmentBooking(
                command.appointmentId(),
                day,
                slot.servicePointId(),
                slot.start(),
                slot.end(),
                kind,
                command.assignmentReason());
    }

    @CommandHandler
    void handle(CancelAppointment command, SchedulingRegistry registry) {
        Booking booking = booking(command.appointmentId());
        Violations violations = new Violations();
        String reason = violations.check("reason", () -> Text.required("reason", command.reason(), MAX_NOTE));
        require(violations, "cancelledBy", command.cancelledBy());
        violations.throwIfAny();
        if (booking.status() == AppointmentStatus.CANCELLED) {
            return;
        }
        if (!booking.holdsPlace()) {
            throw CarelogException.conflict(
                    "The appointment is " + booking.status().name().toLowerCase() + " and can no longer be cancelled",
                    Map.of("status", booking.status().name()));
        }
        registry.changeStatus(command.appointmentId(), AppointmentStatus.CANCELLED);
        apply(new AppointmentCancelled(
                scheduleId, command.appointmentId(), booking.patientId(), command.cancelledBy(), reason));
    }

    /** Frees the place of an appointment that moves to {@code newAppointmentId} (same transaction). */
    void moveOut(
            AppointmentId appointmentId,
            DayScheduleId newSchedule,
            AppointmentId newAppointmentId,
            String reason,
            SchedulingRegistry registry) {
        Booking booking = booking(appointmentId);
        if (booking.status() != AppointmentStatus.BOOKED) {
            throw CarelogException.conflict(
                    "Only a booked appointment that is not checked in can be rescheduled; it is "
                            + booking.status().name().toLowerCase(),
                    Map.of("status", booking.status().name()));
        }
        registry.changeStatus(appointmentId, AppointmentStatus.RESCHEDULED);
        apply(new AppointmentRescheduled(
                scheduleId, appointmentId, booking.patientId(), newSchedule, newAppointmentId, reason));
    }

    PatientId patientOf(AppointmentId appointmentId) {
        return booking(appointmentId).patientId();
    }

    AppointmentType typeOf(AppointmentId appointmentId) {
        return booking(appointmentId).type();
    }

    VisitKind visitKindOf(AppointmentId appointmentId) {
        return booking(appointmentId).visitKind();
    }

    @CommandHandler
    void handle(CheckInAppointment command, SchedulingRegistry registry, Clock clock) {
        Booking booking = booking(command.appointmentId());
        if (booking.status() == AppointmentStatus.CHECKED_IN) {
            return;
        }
        if (booking.status() != AppointmentStatus.BOOKED) {
            throw CarelogException.conflict(
                    "The appointment is " + booking.status().name().toLowerCase() + "; only a booked one is checked in",
                    Map.of("status", booking.status().name()));
        }
        if (!scheduleId.date().equals(LocalDate.now(clock))) {
            throw CarelogException.conflict(
                    "The appointment is on " + scheduleId.date() + "; patients are checked in on the day",
                    Map.of("field", "appointmentId"));
        }
        registry.changeStatus(command.appointmentId(), AppointmentStatus.CHECKED_IN);
        apply(new AppointmentCheckedIn(
                command.appointmentId(),
                booking.patientId(),
                scheduleId.practitionerId(),
                booking.servicePointId(),
                booking.start(),
                clock.instant(),
                scheduleId));
    }

    @CommandHandler
    void handle(CompleteAppointment command, SchedulingRegistry registry) {
        Booking booking = booking(command.appointmentId());
        if (booking.status() == AppointmentStatus.COMPLETED) {
            return;
        }
        if (booking.status() != AppointmentStatus.CHECKED_IN) {
            throw CarelogException.conflict(
                    "The appointment is " + booking.status().name().toLowerCase() + "; check the patient in first",
                    Map.of("status", booking.status().name()));
        }
        registry.changeStatus(command.appointmentId(), AppointmentStatus.COMPLETED);
        apply(new AppointmentCompleted(scheduleId, command.appointmentId(), booking.patientId()));
    }

    /** Quiet for anything but a booked appointment: a check-in or cancellation got there first. */
    @CommandHandler
    void handle(MarkNoShow command, SchedulingRegistry registry, Clock clock) {
        Booking booking = booking(command.appointmentId());
        if (booking.status() != AppointmentStatus.BOOKED) {
            return;
        }
        if (booking.end().isAfter(clock.instant())) {
            throw CarelogException.conflict("The appointment's slot is not over yet", null);
        }
        registry.changeStatus(command.appointmentId(), AppointmentStatus.NO_SHOW);
        apply(new AppointmentMarkedNoShow(scheduleId, command.appointmentId(), booking.patientId()));
    }

    /**
     * Flags every booked appointment that no longer fits the day's plan: its slot is gone, no longer
     * offers its type, or lost the place it held (the latest bookings lose first). Never cancels one.
     */
    @CommandHandler
    void handle(ReviewBookings command, SchedulingRegistry registry, Clock clock) {
        DayPlan plan = registry.dayPlan(scheduleId.practitionerId(), scheduleId.date(), true);
        RebookingCause cause = plan.closure() == DayClosure.OPEN
                ? RebookingCause.AVAILABILITY_CHANGED
                : plan.closure().cause();
        Map<Instant, int[]> taken = new java.util.HashMap<>();
        List<Slot> slots = plan.slots(clock.getZone());
        for (Map.Entry<AppointmentId, Booking> entry : List.copyOf(bookings.entrySet())) {
            Booking b = entry.getValue();
            if (!b.holdsPlace()) {
                continue;
            }
            Slot slot = slots.stream()
                    .filter(s -> s.start().equals(b.start()))
                    .findFirst()
                    .orElse(null);
            int[] counts = taken.computeIfAbsent(b.start(), s -> new int[2]);
            boolean fits =
                    slot != null && slot.types().contains(b.type()) && slot.fits(b.walkIn(), counts[0], counts[1]);
            if (fits) {
                counts[b.walkIn() ? 1 : 0]++;
            } else if (b.status() == AppointmentStatus.BOOKED && b.flagged() == null) {
                apply(new AppointmentNeedsRebooking(scheduleId, entry.getKey(), b.patientId(), cause));
            }
        }
    }

    private static String closedMessage(Clinician clinician, DayClosure closure, LocalDate date) {
        return switch (closure) {
            case ON_LEAVE -> clinician.displayName() + " is on leave on " + date;
            case HOLIDAY -> date + " is a holiday of the facility";
            case OFF_DAY -> date + " is the facility's weekly day off";
            case OPEN -> clinician.displayName() + " has no sessions on " + date;
        };
    }

    private Booking booking(AppointmentId appointmentId) {
        if (appointmentId == null) {
            throw CarelogException.validation("appointmentId", "is required");
        }
        Booking booking = bookings.get(appointmentId);
        if (booking == null) {
            throw CarelogException.notFound("No appointment " + appointmentId + " on this day");
        }
        return booking;
    }

    private int count(Predicate<Booking> test) {
        return (int) bookings.values().stream().filter(test).count();
    }

    private static void require(Violations violations, String field, Object value) {
        if (value == null) {
            violations.reject(field, "is required");
        }
    }

    @EventSourcingHandler
    void on(SlotBooked event) {
        scheduleId = event.scheduleId();
        bookings.put(
                event.appointmentId(),
                new Booking(
                        event.patientId(),
                        event.servicePointId(),
                        event.start(),
                        event.end(),
                        event.type(),
                        event.visitKind(),
                        event.walkIn(),
                        AppointmentStatus.BOOKED,
                        null));
    }

    @EventSourcingHandler
    void on(AppointmentCancelled event) {
        status(event.appointmentId(), AppointmentStatus.CANCELLED);
    }

    @EventSourcingHandler
    void on(AppointmentRescheduled event) {
        status(event.appointmentId(), AppointmentStatus.RESCHEDULED);
    }

    @EventSourcingHandler
    void on(AppointmentCheckedIn event) {
        status(event.appointmentId(), AppointmentStatus.CHECKED_IN);
    }

    @EventSourcingHandler
    void on(AppointmentCompleted event) {
        status(event.appointmentId(), AppointmentStatus.COMPLETED);
    }

    @EventSourcingHandler
    void on(AppointmentMarkedNoShow event) {
        status(event.appointmentId(), AppointmentStatus.NO_SHOW);
    }

    @EventSourcingHandler
    void on(AppointmentNeedsRebooking event) {
        bookings.computeIfPresent(event.appointmentId(), (id, b) -> b.flag(event.cause()));
    }

    private void status(AppointmentId id, AppointmentStatus status) {
        bookings.computeIfPresent(id, (key, b) -> b.with(status));
    }

    /** One appointment of the day as the decisions need it. */
    private record Booking(
            PatientId patientId,
            ServicePointId servicePointId,
            Instant start,
            Instant end,
            AppointmentType type,
            VisitKind visitKind,
            boolean walkIn,
            AppointmentStatus status,
            RebookingCause flagged) {

        boolean holdsPlace() {
            return status.holdsPlace();
        }

        Booking with(AppointmentStatus newStatus) {
            return new Booking(patientId, servicePointId, start, end, type, visitKind, walkIn, newStatus, flagged);
        }

        Booking flag(RebookingCause cause) {
            return new Booking(patientId, servicePointId, start, end, type, visitKind, walkIn, status, cause);
        }

        AppointmentBooking result(AppointmentId id, DayScheduleId day, String reason) {
            return new AppointmentBooking(id, day, servicePointId, start, end, visitKind, reason);
        }
    }
}
