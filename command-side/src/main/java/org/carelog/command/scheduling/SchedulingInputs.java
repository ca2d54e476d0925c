package org.carelog.command.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.carelog.api.patient.Language;
import org.carelog.api.scheduling.AppointmentType;
import org.carelog.api.scheduling.CancelledBy;
import org.carelog.api.scheduling.TimeOfDay;
import org.carelog.api.scheduling.VisitKind;

/** GraphQL inputs and payloads of the scheduling mutations, as the schema declares them. */
final class SchedulingInputs {

    private SchedulingInputs() {}

    record SessionInput(
            String servicePointId,
            List<DayOfWeek> days,
            String start,
            String end,
            Integer slotMinutes,
            Integer capacity,
            Integer walkInPercent,
            List<AppointmentType> types) {}

    record SetWeeklyAvailabilityInput(String idempotencyKey, String practitionerId, List<SessionInput> sessions) {}

    record ChangeDayAvailabilityInput(
            String idempotencyKey,
            String practitionerId,
            LocalDate date,
            List<SessionInput> sessions,
            Boolean revert) {}

    record AddLeaveInput(String idempotencyKey, String practitionerId, LocalDate from, LocalDate to, String reason) {}

    record CancelLeaveInput(String idempotencyKey, String practitionerId, String leaveId) {}

    record DeclareHolidayInput(String idempotencyKey, LocalDate date, String name) {}

    record CancelHolidayInput(String idempotencyKey, LocalDate date) {}

    record BookSlotInput(
            String idempotencyKey,
            String patientId,
            String practitionerId,
            OffsetDateTime start,
            AppointmentType type,
            VisitKind visitKind,
            Boolean walkIn,
            String note) {}

    record BookAppointmentInput(
            String idempotencyKey,
            String patientId,
            String practitionerId,
            String specialty,
            LocalDate from,
            LocalDate to,
            TimeOfDay timeOfDay,
            AppointmentType type,
            Language language,
            Boolean followUp,
            String note) {}

    record RescheduleAppointmentInput(
            String idempotencyKey,
            String appointmentId,
            String practitionerId,
            OffsetDateTime start,
            AppointmentType type,
            String reason) {}

    record CancelAppointmentInput(
            String idempotencyKey, String appointmentId, CancelledBy cancelledBy, String reason) {}

    record AppointmentInput(String idempotencyKey, String appointmentId) {}

    record AvailabilityPayload(String practitionerId) {}

    record LeavePayload(String practitionerId, String leaveId) {}

    record HolidayPayload(LocalDate date) {}

    record AppointmentPayload(String appointmentId) {}

    record BookingPayload(
            String appointmentId,
            String practitionerId,
            String servicePointId,
            OffsetDateTime start,
            OffsetDateTime end,
            VisitKind visitKind,
            String reason) {}
}
