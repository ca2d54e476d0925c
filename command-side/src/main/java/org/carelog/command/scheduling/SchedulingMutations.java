package org.carelog.command.scheduling;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandExecutionException;
import org.carelog.api.common.CarelogError;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.ErrorCode;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.practitioner.ServicePointId;
import org.carelog.api.scheduling.AddLeave;
import org.carelog.api.scheduling.AppointmentBooking;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.AvailabilitySession;
import org.carelog.api.scheduling.BookSlot;
import org.carelog.api.scheduling.BookingRefusal;
import org.carelog.api.scheduling.CancelAppointment;
import org.carelog.api.scheduling.CancelHoliday;
import org.carelog.api.scheduling.CancelLeave;
import org.carelog.api.scheduling.ChangeDayAvailability;
import org.carelog.api.scheduling.CheckInAppointment;
import org.carelog.api.scheduling.CompleteAppointment;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.api.scheduling.DeclareHoliday;
import org.carelog.api.scheduling.LeaveId;
import org.carelog.api.scheduling.RescheduleAppointment;
import org.carelog.api.scheduling.SetWeeklyAvailability;
import org.carelog.api.scheduling.VisitKind;
import org.carelog.command.common.CommandSender;
import org.carelog.command.scheduling.SchedulingInputs.AddLeaveInput;
import org.carelog.command.scheduling.SchedulingInputs.AppointmentInput;
import org.carelog.command.scheduling.SchedulingInputs.AppointmentPayload;
import org.carelog.command.scheduling.SchedulingInputs.AvailabilityPayload;
import org.carelog.command.scheduling.SchedulingInputs.BookAppointmentInput;
import org.carelog.command.scheduling.SchedulingInputs.BookSlotInput;
import org.carelog.command.scheduling.SchedulingInputs.BookingPayload;
import org.carelog.command.scheduling.SchedulingInputs.CancelAppointmentInput;
import org.carelog.command.scheduling.SchedulingInputs.CancelHolidayInput;
import org.carelog.command.scheduling.SchedulingInputs.CancelLeaveInput;
import org.carelog.command.scheduling.SchedulingInputs.ChangeDayAvailabilityInput;
import org.carelog.command.scheduling.SchedulingInputs.DeclareHolidayInput;
import org.carelog.command.scheduling.SchedulingInputs.HolidayPayload;
import org.carelog.command.scheduling.SchedulingInputs.LeavePayload;
import org.carelog.command.scheduling.SchedulingInputs.RescheduleAppointmentInput;
import org.carelog.command.scheduling.SchedulingInputs.SessionInput;
import org.carelog.command.scheduling.SchedulingInputs.SetWeeklyAvailabilityInput;
import org.carelog.command.scheduling.SlotFinder.Candidate;
import org.carelog.command.scheduling.SlotFinder.Preferences;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Availability and holidays (administrators), bookings and their life (front desk; clinicians
 * complete). A refused booking comes back as CONFLICT with {@code extensions.reason} and the next
 * fitting slots in {@code extensions.alternatives}.
 */
@Controller
class SchedulingMutations {

    static final int ALTERNATIVES = 5;
    static final int ALTERNATIVE_DAYS = 14;
    private static final String FRONT_DESK = "hasAnyRole('RECEPTIONIST', 'ADMIN')";

    private final CommandSender commands;
    private final ScheduleCommands schedules;
    private final SchedulingRegistry registry;
    private final SlotFinder finder;
    private final Clock clock;

    SchedulingMutations(
            CommandSender commands,
            ScheduleCommands schedules,
            SchedulingRegistry registry,
            SlotFinder finder,
            Clock clock) {
        this.commands = commands;
        this.schedules = schedules;
        this.registry = registry;
        this.finder = finder;
        this.clock = clock;
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    AvailabilityPayload setWeeklyAvailability(@Argument SetWeeklyAvailabilityInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PractitionerId practitioner = practitioner(input.practitionerId(), violations);
        List<AvailabilitySession> sessions = sessions(input.sessions(), violations);
        violations.throwIfAny();
        commands.send(new SetWeeklyAvailability(practitioner, sessions), input.idempotencyKey(), env);
        return new AvailabilityPayload(practitioner.toString());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    AvailabilityPayload changeDayAvailability(@Argument ChangeDayAvailabilityInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PractitionerId practitioner = practitioner(input.practitionerId(), violations);
        List<AvailabilitySession> sessions =
                input.sessions() == null ? List.of() : sessions(input.sessions(), violations);
        violations.throwIfAny();
        commands.send(
                new ChangeDayAvailability(practitioner, input.date(), sessions, Boolean.TRUE.equals(input.revert())),
                input.idempotencyKey(),
                env);
        return new AvailabilityPayload(practitioner.toString());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    LeavePayload addLeave(@Argument AddLeaveInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PractitionerId practitioner = practitioner(input.practitionerId(), violations);
        violations.throwIfAny();
        LeaveId leave = LeaveId.random();
        commands.send(
                new AddLeave(practitioner, leave, input.from(), input.to(), input.reason()),
                input.idempotencyKey(),
                env);
        return new LeavePayload(practitioner.toString(), leave.toString());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    LeavePayload cancelLeave(@Argument CancelLeaveInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PractitionerId practitioner = practitioner(input.practitionerId(), violations);
        LeaveId leave = violations.check("leaveId", () -> LeaveId.parse("leaveId", input.leaveId()));
        violations.throwIfAny();
        commands.send(new CancelLeave(practitioner, leave), input.idempotencyKey(), env);
        return new LeavePayload(practitioner.toString(), leave.toString());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    HolidayPayload declareHoliday(@Argument DeclareHolidayInput input, DataFetchingEnvironment env) {
        commands.send(DeclareHoliday.of(input.date(), input.name()), input.idempotencyKey(), env);
        return new HolidayPayload(input.date());
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    HolidayPayload cancelHoliday(@Argument CancelHolidayInput input, DataFetchingEnvironment env) {
        commands.send(CancelHoliday.of(input.date()), input.idempotencyKey(), env);
        return new HolidayPayload(input.date());
    }

    @MutationMapping
    @PreAuthorize(FRONT_DESK)
    BookingPayload bookSlot(@Argument BookSlotInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PatientId patient = patient(input.patientId(), violations);
        PractitionerId practitioner = practitioner(input.practitionerId(), violations);
        if (input.start() == null) {
            violations.reject("start", "is required");
        }
        violations.throwIfAny();
        ZoneId zone = clock.getZone();
        AppointmentType type = input.type() == null ? AppointmentType.IN_PERSON : input.type();
        boolean walkIn = Boolean.TRUE.equals(input.walkIn());
        DayScheduleId day = new DayScheduleId(
                practitioner, LocalDate.ofInstant(input.start().toInstant(), zone));
        BookSlot command = new BookSlot(
                day,
                AppointmentId.random(),
                patient,
                input.start().toInstant(),
                type,
                input.visitKind(),
                walkIn,
                input.note(),
                null);
        try {
            return payload(schedules.send(command, input.idempotencyKey(), env));
        } catch (RuntimeException e) {
            throw withAlternatives(
                    e, new Preferences(patient, practitioner, null, day.date(), null, null, type, null, walkIn, null));
        }
    }

    @MutationMapping
    @PreAuthorize(FRONT_DESK)
    BookingPayload bookAppointment(@Argument BookAppointmentInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        PatientId patient = patient(input.patientId(), violations);
        PractitionerId practitioner =
                input.practitionerId() == null ? null : practitioner(input.practitionerId(), violations);
        if (input.from() != null && input.to() != null && input.to().isBefore(input.from())) {
            violations.reject("to", "must not be before from");
        }
        violations.throwIfAny();
        VisitKind kind = VisitKind.NEW_VISIT;
        if (Boolean.TRUE.equals(input.followUp())) {
            PractitionerId last = registry.lastPractitioner(patient)
                    .orElseThrow(() ->
                            CarelogException.validation("followUp", "the patient has no earlier visit to follow up"));
            if (practitioner != null && !practitioner.equals(last)) {
                throw CarelogException.validation(
                        "practitionerId", "a follow-up is with the doctor of the last visit, " + last);
            }
            practitioner = last;
            kind = VisitKind.FOLLOW_UP;
        }
        AppointmentType type = input.type() == null ? AppointmentType.IN_PERSON : input.type();
        Preferences wanted = new Preferences(
                patient,
                practitioner,
                practitioner == null ? input.specialty() : null,
                input.from(),
                input.to(),
                input.timeOfDay(),
                type,
                input.language(),
                false,
                null);
        ZoneId zone = clock.getZone();
        for (Candidate candidate : finder.find(wanted, ALTERNATIVES)) {
            BookSlot command = new BookSlot(
                    candidate.scheduleId(zone),
                    AppointmentId.random(),
                    patient,
                    candidate.slot().start(),
                    type,
                    kind,
                    false,
                    input.note(),
                    candidate.reason());
            try {
                return payload(schedules.send(command, input.idempotencyKey(), env));
            } catch (RuntimeException e) {
                if (!takenMeanwhile(e)) {
                    throw e;
                }
            }
        }
        Preferences relaxed = new Preferences(
                patient, practitioner, wanted.specialty(), input.from(), null, null, type, null, false, null);
        throw new CarelogException(new CarelogError(
                ErrorCode.CONFLICT,
                "No free slot fits every preference; the alternatives relax the time of day, language and end date",
                null,
                extensions(Map.of("reason", BookingRefusal.NO_FITTING_SLOT.name()), relaxed)));
    }

    @MutationMapping
    @PreAuthorize(FRONT_DESK)
    BookingPayload rescheduleAppointment(@Argument RescheduleAppointmentInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        AppointmentId appointment = appointment(input.appointmentId(), violations);
        PractitionerId newPractitioner =
                input.practitionerId() == null ? null : practitioner(input.practitionerId(), violations);
        if (input.start() == null) {
            violations.reject("start", "is required");
        }
        violations.throwIfAny();
        PatientTime current = located(appointment);
        PractitionerId practitioner =
                newPractitioner != null ? newPractitioner : current.scheduleId().practitionerId();
        ZoneId zone = clock.getZone();
        DayScheduleId newDay = new DayScheduleId(
                practitioner, LocalDate.ofInstant(input.start().toInstant(), zone));
        RescheduleAppointment command = new RescheduleAppointment(
                current.scheduleId(),
                appointment,
                newDay,
                AppointmentId.random(),
                input.start().toInstant(),
                input.type(),
                input.reason());
        try {
            return payload(schedules.send(command, input.idempotencyKey(), env));
        } catch (RuntimeException e) {
            throw withAlternatives(
                    e,
                    new Preferences(
                            current.patientId(),
                            practitioner,
                            null,
                            newDay.date(),
                            null,
                            null,
                            input.type(),
                            null,
                            false,
                            appointment));
        }
    }

    @MutationMapping
    @PreAuthorize(FRONT_DESK)
    AppointmentPayload cancelAppointment(@Argument CancelAppointmentInput input, DataFetchingEnvironment env) {
        Violations violations = new Violations();
        AppointmentId appointment = appointment(input.appointmentId(), violations);
        violations.throwIfAny();
        PatientTime current = located(appointment);
        schedules.send(
                new CancelAppointment(current.scheduleId(), appointment, input.cancelledBy(), input.reason()),
                input.idempotencyKey(),
                env);
        return new AppointmentPayload(appointment.toString());
    }

    @MutationMapping
    @PreAuthorize(FRONT_DESK)
    AppointmentPayload checkInAppointment(@Argument AppointmentInput input, DataFetchingEnvironment env) {
        return sendFor(input, CheckInAppointment::new, env);
    }

    @MutationMapping
    @PreAuthorize("hasAnyRole('DOCTOR', 'NURSE')")
    AppointmentPayload completeAppointment(@Argument AppointmentInput input, DataFetchingEnvironment env) {
        return sendFor(input, CompleteAppointment::new, env);
    }

    /** Sends a command about one appointment to the day schedule that holds it. */
    private AppointmentPayload sendFor(
            AppointmentInput input,
            BiFunction<DayScheduleId, AppointmentId, Object> command,
            DataFetchingEnvironment env) {
        Violations violations = new Violations();
        AppointmentId appointment = appointment(input.appointmentId(), violations);
        violations.throwIfAny();
        schedules.send(command.apply(located(appointment).scheduleId(), appointment), input.idempotencyKey(), env);
        return new AppointmentPayload(appointment.toString());
    }

    private PatientTime located(AppointmentId appointment) {
        return registry.appointment(appointment)
                .orElseThrow(() -> CarelogException.notFound("No appointment with id " + appointment));
    }

    private BookingPayload payload(AppointmentBooking booking) {
        ZoneId zone = clock.getZone();
        return new BookingPayload(
                booking.appointmentId().toString(),
                booking.scheduleId().practitionerId().toString(),
                booking.servicePointId().toString(),
                booking.start().atZone(zone).toOffsetDateTime(),
                booking.end().atZone(zone).toOffsetDateTime(),
                booking.visitKind(),
                booking.reason());
    }

    /** A booking refusal gains the next fitting slots; anything else passes unchanged. */
    private RuntimeException withAlternatives(RuntimeException e, Preferences wanted) {
        CarelogError error = errorOf(e).orElse(null);
        if (error == null || error.code() != ErrorCode.CONFLICT || BookingRefusal.in(error.extensions()) == null) {
            return e;
        }
        return new CarelogException(new CarelogError(
                error.code(), error.message(), error.violations(), extensions(error.extensions(), wanted)));
    }

    private Map<String, Object> extensions(Map<String, Object> given, Preferences wanted) {
        List<Candidate> found = new ArrayList<>(finder.find(wanted, ALTERNATIVES));
        if (found.isEmpty() && wanted.practitionerId() != null) {
            // The practitioner has nothing free soon (leave, lapsed registration): their colleagues of the specialty.
            String specialty = registry.clinician(wanted.practitionerId())
                    .map(Clinician::specialty)
                    .orElse(null);
            if (specialty != null) {
                found.addAll(finder.find(
                        new Preferences(
                                wanted.patientId(),
                                null,
                                specialty,
                                wanted.from(),
                                wanted.from().plusDays(ALTERNATIVE_DAYS),
                                null,
                                wanted.type(),
                                null,
                                wanted.walkIn(),
                                wanted.ignoring()),
                        ALTERNATIVES));
            }
        }
        Map<String, Object> extensions = new LinkedHashMap<>(given);
        extensions.put("alternatives", SlotFinder.asExtensions(found, clock.getZone()));
        return extensions;
    }

    /** A refusal that another booking caused after the proposal was made: try the next proposal. */
    private static boolean takenMeanwhile(RuntimeException e) {
        return errorOf(e)
                .map(error -> BookingRefusal.in(error.extensions()))
                .filter(r -> r == BookingRefusal.SLOT_FULL || r == BookingRefusal.PATIENT_OVERLAP)
                .isPresent();
    }

    private static Optional<CarelogError> errorOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CarelogException c) {
                return Optional.of(c.error());
            }
            if (t instanceof CommandExecutionException c && c.getDetails().orElse(null) instanceof CarelogError error) {
                return Optional.of(error);
            }
        }
        return Optional.empty();
    }

    private static List<AvailabilitySession> sessions(List<SessionInput> given, Violations violations) {
        if (given == null) {
            violations.reject("sessions", "is required (an empty list removes every session)");
            return List.of();
        }
        List<AvailabilitySession> sessions = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            SessionInput in = given.get(i);
            String field = "sessions[" + i + "]";
            ServicePointId place = violations.check(
                    field + ".servicePointId", () -> ServicePointId.parse("servicePointId", in.servicePointId()));
            LocalTime start = time(field + ".start", in.start(), violations);
            LocalTime end = time(field + ".end", in.end(), violations);
            sessions.add(new AvailabilitySession(
                    place,
                    in.days() == null ? Set.of() : Set.copyOf(in.days()),
                    start,
                    end,
                    in.slotMinutes() == null ? 0 : in.slotMinutes(),
                    in.capacity() == null ? 1 : in.capacity(),
                    in.walkInPercent() == null ? 0 : in.walkInPercent(),
                    in.types() == null ? Set.of(AppointmentType.IN_PERSON) : Set.copyOf(in.types())));
        }
        return sessions;
    }

    private static LocalTime time(String field, String raw, Violations violations) {
        try {
            return LocalTime.parse(raw == null ? "" : raw.strip());
        } catch (DateTimeParseException e) {
            violations.reject(field, "is not a time of day such as 17:00");
            return null;
        }
    }

    private static PractitionerId practitioner(String raw, Violations violations) {
        return violations.check("practitionerId", () -> PractitionerId.parse("practitionerId", raw));
    }

    private static PatientId patient(String raw, Violations violations) {
        return violations.check("patientId", () -> PatientId.parse("patientId", raw));
    }

    private static AppointmentId appointment(String raw, Violations violations) {
        return violations.check("appointmentId", () -> AppointmentId.parse("appointmentId", raw));
    }
}
