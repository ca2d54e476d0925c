package org.carelog.query.telemedicine;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.carelog.api.telemedicine.ConsentMethod;
import org.carelog.api.telemedicine.ConsultationState;
import org.carelog.api.telemedicine.Participant;
import org.carelog.projection.telemedicine.ConsentRow;
import org.carelog.projection.telemedicine.ConsultationRow;
import org.carelog.projection.telemedicine.ConsultationStep;

/** GraphQL views of virtual consultations, as the schema declares them. */
final class TelemedicineViews {

    private TelemedicineViews() {}

    record CaregiverView(String name, String relationship) {}

    record ConsentView(
            ConsentMethod method,
            Participant givenBy,
            String recordedBy,
            String recordedRole,
            OffsetDateTime recordedAt) {

        static ConsentView of(ConsentRow row, ZoneId zone) {
            return new ConsentView(
                    row.method(),
                    row.givenBy(),
                    row.recordedBy(),
                    row.recordedRole(),
                    row.recordedAt().atZone(zone).toOffsetDateTime());
        }
    }

    record ConsultationStepView(
            String event,
            ConsultationState state,
            Participant participant,
            String username,
            String role,
            OffsetDateTime at) {

        static ConsultationStepView of(ConsultationStep step, ZoneId zone) {
            return new ConsultationStepView(
                    step.event(),
                    step.state(),
                    step.participant(),
                    step.username(),
                    step.role(),
                    step.at().atZone(zone).toOffsetDateTime());
        }
    }

    record VirtualConsultationView(
            String id,
            String patientId,
            String appointmentId,
            String practitionerId,
            OffsetDateTime start,
            OffsetDateTime end,
            ConsultationState state,
            String encounterId,
            int linkVersion,
            CaregiverView caregiver,
            ConsentView consent,
            List<ConsultationStepView> history) {

        static VirtualConsultationView of(
                ConsultationRow row, ConsentRow consent, List<ConsultationStep> steps, ZoneId zone) {
            return new VirtualConsultationView(
                    row.consultationId().toString(),
                    row.patientId().toString(),
                    row.appointmentId().toString(),
                    row.practitionerId().toString(),
                    row.start().atZone(zone).toOffsetDateTime(),
                    row.end().atZone(zone).toOffsetDateTime(),
                    row.state(),
                    row.encounterId() == null ? null : row.encounterId().toString(),
                    row.linkVersion(),
                    row.caregiverName() == null
                            ? null
                            : new CaregiverView(row.caregiverName(), row.caregiverRelationship()),
                    consent == null ? null : ConsentView.of(consent, zone),
                    steps.stream().map(s -> ConsultationStepView.of(s, zone)).toList());
        }
    }
}
