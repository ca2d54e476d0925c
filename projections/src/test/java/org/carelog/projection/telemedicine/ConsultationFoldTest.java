package org.carelog.projection.telemedicine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carelog.api.clinical.EncounterIds;
import org.carelog.api.patient.PatientId;
import org.carelog.api.practitioner.PractitionerId;
import org.carelog.api.telemedicine.CompletionReason;
import org.carelog.api.telemedicine.ConsentMethod;
import org.carelog.api.telemedicine.ConsultationCaregiverNamed;
import org.carelog.api.telemedicine.ConsultationCompleted;
import org.carelog.api.telemedicine.ConsultationEvent;
import org.carelog.api.telemedicine.ConsultationId;
import org.carelog.api.telemedicine.ConsultationJoinedByClinician;
import org.carelog.api.telemedicine.ConsultationJoinedByPatient;
import org.carelog.api.telemedicine.ConsultationRescheduled;
import org.carelog.api.telemedicine.ConsultationScheduled;
import org.carelog.api.telemedicine.ConsultationState;
import org.carelog.api.telemedicine.Participant;
import org.carelog.api.telemedicine.TelemedicineConsentRecorded;
import org.junit.jupiter.api.Test;

class ConsultationFoldTest {

    static final UUID APPOINTMENT = UUID.randomUUID();
    static final ConsultationId ID = ConsultationId.forAppointment(APPOINTMENT);
    static final PatientId PATIENT = PatientId.random();
    static final PractitionerId DOCTOR = PractitionerId.random();
    static final Instant START = Instant.parse("2025-03-10T04:00:00Z");
    static final Instant END = START.plusSeconds(900);

    static ConsultationRow fold(List<ConsultationEvent> events) {
        ConsultationRow row = null;
        Instant at = START.minusSeconds(3600);
        for (ConsultationEvent e : events) {
            row = ConsultationFold.apply(row, e, at = at.plusSeconds(60));
        }
        return row;
    }

    @Test
    void aVisitGoesFromScheduledThroughWaitingRoomAndInProgressToCompleted() {
        List<ConsultationEvent> events = List.of(
                new ConsultationScheduled(PATIENT, ID, APPOINTMENT, DOCTOR, START, END, "room", 1),
                new TelemedicineConsentRecorded(PATIENT, ID, ConsentMethod.STAFF_BY_PHONE, Participant.PATIENT),
                new ConsultationJoinedByPatient(PATIENT, ID, Participant.PATIENT, 1),
                new ConsultationJoinedByClinician(PATIENT, ID, DOCTOR, EncounterIds.forAppointment(APPOINTMENT)),
                new ConsultationJoinedByPatient(PATIENT, ID, Participant.PATIENT, 1),
                new ConsultationCompleted(PATIENT, ID, CompletionReason.ENCOUNTER_SIGNED));
        ConsultationRow row = fold(events);
        assertThat(row.state()).isEqualTo(ConsultationState.COMPLETED);
        assertThat(row.encounterId())
                .isEqualTo(EncounterIds.forAppointment(APPOINTMENT).value());
        // A patient joining again while the clinician is there leaves it in progress.
        assertThat(fold(events.subList(0, 5)).state()).isEqualTo(ConsultationState.IN_PROGRESS);
    }

    @Test
    void aReschedulingMovesTheRowAndKeepsTheCaregiver() {
        UUID later = UUID.randomUUID();
        ConsultationRow row = fold(List.of(
                new ConsultationScheduled(PATIENT, ID, APPOINTMENT, DOCTOR, START, END, "room", 1),
                new ConsultationCaregiverNamed(PATIENT, ID, "Salma Begum", "daughter"),
                new ConsultationJoinedByPatient(PATIENT, ID, Participant.CAREGIVER, 1),
                new ConsultationRescheduled(PATIENT, ID, later, DOCTOR, END, END.plusSeconds(900), 2)));
        assertThat(row.appointmentId()).isEqualTo(later);
        assertThat(row.linkVersion()).isEqualTo(2);
        assertThat(row.state()).isEqualTo(ConsultationState.SCHEDULED);
        assertThat(row.caregiverName()).isEqualTo("Salma Begum");
    }

    @Test
    void applyingAnEventAgainChangesNothing() {
        ConsultationScheduled scheduled =
                new ConsultationScheduled(PATIENT, ID, APPOINTMENT, DOCTOR, START, END, "room", 1);
        ConsultationRow once = ConsultationFold.apply(null, scheduled, START);
        assertThat(ConsultationFold.apply(once, scheduled, START.plusSeconds(5)))
                .isSameAs(once);
        ConsultationJoinedByPatient joined = new ConsultationJoinedByPatient(PATIENT, ID, Participant.PATIENT, 1);
        ConsultationRow waiting = ConsultationFold.apply(once, joined, START);
        assertThat(ConsultationFold.apply(waiting, joined, START.plusSeconds(5)))
                .isSameAs(waiting);
    }
}
