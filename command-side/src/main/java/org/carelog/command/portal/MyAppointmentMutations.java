package org.carelog.command.portal;

import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.carelog.api.common.CarelogException;
import org.carelog.api.common.Violations;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.scheduling.AppointmentBooking;
import org.carelog.api.scheduling.AppointmentId;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.BookSlot;
import org.carelog.api.scheduling.CancelAppointment;
import org.carelog.api.scheduling.CancelledBy;
import org.carelog.api.scheduling.DayScheduleId;
import org.carelog.command.scheduling.PatientTime;
import org.carelog.command.scheduling.ScheduleCommands;
import org.carelog.command.scheduling.SchedulingRegistry;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The signed-in patient books and cancels their own appointments, through the same day-schedule commands and
 * rules as the front desk (no walk-in places, no notes). An appointment of another patient answers exactly as
 * an appointment that does not exist.
 */
@Controller
class MyAppointmentMutations {

    private final ScheduleCommands schedules;
    private final SchedulingRegistry registry;
    private final Clock clock;

    MyAppointmentMutations(ScheduleCommands schedules, SchedulingRegistry registry, Clock clock) {
        this.schedules = schedules;
        this.registry = registry;
        this.clock = clock;
    }

    record BookMyAppointmentInput(
            String idempotencyKey, String practitionerId, OffsetDateTime start, AppointmentType type) {}

    record CancelMyAppointmentInput(String idempotencyKey, String appointmentId, String reason) {}

    record MyAppointmentPayload(
            String appointmentId, String practitionerId, OffsetDateTime start, OffsetDateTime end) {}

    @MutationMapping
    @PreAuthorize("hasRole('PATIENT')")
    MyAppointmentPayload bookMyAppointment(@Argument BookMyAppointmentInput input, DataFetchingEnvironment env) {
        PatientId me = CurrentPatient.require();
        Violations violations = new Violations();
        PractitionerId practitioner = violations.check(
                "practitionerId", () -> PractitionerId.parse("practitionerId", input.practitionerId()));
        if (input.start() == null) {
            violations.reject("start", "is required");
        }
        violations.throwIfAny();
        ZoneId zone = clock.getZone();
        DayScheduleId day = new DayScheduleId(
                practitioner, LocalDate.ofInstant(input.start().toInstant(), zone));
        AppointmentBooking booking = schedules.send(
                new BookSlot(
                        day,
                        AppointmentId.random(),
                        me,
                        input.start().toInstant(),
                        input.type() == null ? AppointmentType.IN_PERSON : input.type(),
                        null,
                        false,
                        null,
                        null),
                input.idempotencyKey(),
                env);
        return new MyAppointmentPayload(
                booking.appointmentId().toString(),
                booking.scheduleId().practitionerId().toString(),
                booking.start().atZone(zone).toOffsetDateTime(),
                booking.end().atZone(zone).toOffsetDateTime());
    }

    @MutationMapping
    @PreAuthorize("hasRole('PATIENT')")
    MyAppointmentPayload cancelMyAppointment(@Argument CancelMyAppointmentInput input, DataFetchingEnvironment env) {
        PatientId me = CurrentPatient.require();
        AppointmentId appointment = AppointmentId.parse("appointmentId", input.appointmentId());
        // The same words as SchedulingMutations for an id that does not exist.
        PatientTime mine = registry.appointment(appointment)
                .filter(a -> me.equals(a.patientId()))
                .orElseThrow(() -> CarelogException.notFound("No appointment with id " + appointment));
        schedules.send(
                new CancelAppointment(mine.scheduleId(), appointment, CancelledBy.PATIENT, input.reason()),
                input.idempotencyKey(),
                env);
        ZoneId zone = clock.getZone();
        return new MyAppointmentPayload(
                appointment.toString(),
                mine.scheduleId().practitionerId().toString(),
                mine.start().atZone(zone).toOffsetDateTime(),
                mine.end().atZone(zone).toOffsetDateTime());
    }
}
