package org.carelog.api.scheduling;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.carelog.api.common.DataSubject;
import org.carelog.api.common.PersonalData;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.DepartmentId;
import org.carelog.api.practitioner.ServicePointId;

/**
 * A patient holds a place in a slot of a practitioner's day.
 *
 * @param departmentId the department of the service point at the time of booking
 * @param rescheduledFrom the appointment this one replaces, or null
 */
@Revision("1")
public record SlotBooked(
        DayScheduleId scheduleId,
        AppointmentId appointmentId,
        @DataSubject PatientId patientId,
        DepartmentId departmentId,
        ServicePointId servicePointId,
        Instant start,
        Instant end,
        AppointmentType type,
        VisitKind visitKind,
        boolean walkIn,
        @PersonalData String note,
        @PersonalData String assignmentReason,
        AppointmentId rescheduledFrom) {}
