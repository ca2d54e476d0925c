package org.carelog.api.scheduling;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.carelog.api.patient.PatientId;

/**
 * Books the slot of a practitioner's day that starts at {@code slotStart} for a patient.
 *
 * @param walkIn a patient at the desk: may take the places kept for walk-ins
 * @param note free text about the patient's visit (personal data)
 * @param assignmentReason why automatic assignment chose this slot; null when a person chose it
 */
public record BookSlot(
        @TargetAggregateIdentifier DayScheduleId scheduleId,
        AppointmentId appointmentId,
        PatientId patientId,
        Instant slotStart,
        AppointmentType type,
        VisitKind visitKind,
        boolean walkIn,
        String note,
        String assignmentReason) {}
