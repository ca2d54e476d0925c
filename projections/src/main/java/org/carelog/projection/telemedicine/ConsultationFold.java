package org.carelog.projection.telemedicine;

import java.time.Instant;
import org.carelog.api.telemedicine.ConsultationCancelled;
import org.carelog.api.telemedicine.ConsultationCaregiverNamed;
import org.carelog.api.telemedicine.ConsultationCompleted;
import org.carelog.api.telemedicine.ConsultationEvent;
import org.carelog.api.telemedicine.ConsultationJoinedByClinician;
import org.carelog.api.telemedicine.ConsultationJoinedByPatient;
import org.carelog.api.telemedicine.ConsultationMissedByClinician;
import org.carelog.api.telemedicine.ConsultationMissedByPatient;
import org.carelog.api.telemedicine.ConsultationRescheduled;
import org.carelog.api.telemedicine.ConsultationScheduled;
import org.carelog.api.telemedicine.ConsultationState;
import org.carelog.api.telemedicine.TelemedicineConsentRecorded;

/**
 * The read model's rules as a pure fold: a consultation's row and the next of its events give the next row. The
 * same state transitions as the aggregate (a patient joining again leaves a consultation in progress). Applying an
 * event again to the row it produced changes nothing, so a redelivered batch is harmless.
 */
public final class ConsultationFold {

    private ConsultationFold() {}

    /** The row after {@code event}; {@code row} is null before the consultation is scheduled. */
    public static ConsultationRow apply(ConsultationRow row, ConsultationEvent event, Instant at) {
        if (event instanceof ConsultationScheduled e) {
            return row != null
                    ? row
                    : new ConsultationRow(
                            e.consultationId().value(),
                            e.patientId().value(),
                            e.appointmentId(),
                            e.practitionerId().value(),
                            e.start(),
                            e.end(),
                            ConsultationState.SCHEDULED,
                            null,
                            e.linkVersion(),
                            null,
                            null,
                            at);
        }
        if (row == null) {
            return null; // an event without its scheduling (never happens in one stream): nothing to show
        }
        if (event instanceof ConsultationRescheduled e) {
            return new ConsultationRow(
                    row.consultationId(),
                    row.patientId(),
                    e.appointmentId(),
                    e.practitionerId().value(),
                    e.start(),
                    e.end(),
                    ConsultationState.SCHEDULED,
                    row.encounterId(),
                    e.linkVersion(),
                    row.caregiverName(),
                    row.caregiverRelationship(),
                    at);
        }
        if (event instanceof ConsultationCaregiverNamed e) {
            return new ConsultationRow(
                    row.consultationId(),
                    row.patientId(),
                    row.appointmentId(),
                    row.practitionerId(),
                    row.start(),
                    row.end(),
                    row.state(),
                    row.encounterId(),
                    row.linkVersion(),
                    e.name(),
                    e.relationship(),
                    at);
        }
        if (event instanceof ConsultationJoinedByClinician e) {
            return withState(row, ConsultationState.IN_PROGRESS, e.encounterId().value(), at);
        }
        ConsultationState next = stateAfter(row.state(), event);
        return next == row.state() ? row : withState(row, next, row.encounterId(), at);
    }

    /** The state an event leaves a consultation in. */
    public static ConsultationState stateAfter(ConsultationState state, ConsultationEvent event) {
        if (event instanceof ConsultationScheduled || event instanceof ConsultationRescheduled) {
            return ConsultationState.SCHEDULED;
        }
        if (event instanceof ConsultationJoinedByPatient) {
            return state == ConsultationState.SCHEDULED ? ConsultationState.WAITING_ROOM : state;
        }
        if (event instanceof ConsultationJoinedByClinician) {
            return ConsultationState.IN_PROGRESS;
        }
        if (event instanceof ConsultationCompleted) {
            return ConsultationState.COMPLETED;
        }
        if (event instanceof ConsultationMissedByPatient) {
            return ConsultationState.MISSED_BY_PATIENT;
        }
        if (event instanceof ConsultationMissedByClinician) {
            return ConsultationState.MISSED_BY_CLINICIAN;
        }
        if (event instanceof ConsultationCancelled) {
            return ConsultationState.CANCELLED;
        }
        if (event instanceof TelemedicineConsentRecorded || event instanceof ConsultationCaregiverNamed) {
            return state;
        }
        return state;
    }

    private static ConsultationRow withState(
            ConsultationRow row, ConsultationState state, java.util.UUID encounterId, Instant at) {
        return new ConsultationRow(
                row.consultationId(),
                row.patientId(),
                row.appointmentId(),
                row.practitionerId(),
                row.start(),
                row.end(),
                state,
                encounterId,
                row.linkVersion(),
                row.caregiverName(),
                row.caregiverRelationship(),
                at);
    }
}
