package org.carelog.infra.telemedicine;

import java.util.List;
import org.carelog.api.telemedicine.ConsultationAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who a participant is, as the other side sees them in the room (BMDC telemedicine guidance: both sides
 * identified): the clinician by name and BMDC registration number, the patient by name and MRN, a caregiver by
 * name, relationship and the patient's MRN. Read from the directories; a name that is gone (an erased patient)
 * leaves the MRN alone.
 */
@Component
class ParticipantIdentities {

    /** The identity in the token's {@code context.user}. */
    record Identity(String id, String name, boolean moderator) {}

    private final JdbcTemplate jdbc;

    ParticipantIdentities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Identity of(ConsultationAccess access) {
        return switch (access.participant()) {
            case CLINICIAN -> clinician(access);
            case PATIENT -> new Identity(access.patientId().toString(), patientLabel(access), false);
            case CAREGIVER -> new Identity("caregiver:" + access.patientId(), caregiverLabel(access), false);
        };
    }

    private Identity clinician(ConsultationAccess access) {
        List<String> names = jdbc.query(
                "select display_name, bmdc_number from practitioner_directory where practitioner_id = ?",
                (rs, n) -> rs.getString(1) + (rs.getString(2) == null ? "" : " (BMDC " + rs.getString(2) + ")"),
                access.practitionerId().value());
        return new Identity(access.practitionerId().toString(), names.isEmpty() ? "Clinician" : names.get(0), true);
    }

    private String patientLabel(ConsultationAccess access) {
        List<String> labels = jdbc.query(
                "select coalesce(name_en, name_bn), mrn from patient_directory where patient_id = ?",
                (rs, n) -> (rs.getString(1) == null ? "Patient" : rs.getString(1)) + " (MRN " + rs.getString(2) + ")",
                access.patientId().value());
        return labels.isEmpty() ? "Patient" : labels.get(0);
    }

    private String caregiverLabel(ConsultationAccess access) {
        List<String> caregivers = jdbc.query(
                "select caregiver_name, caregiver_relationship from virtual_consultation_view"
                        + " where consultation_id = ? and caregiver_name is not null",
                (rs, n) -> rs.getString(1) + " (" + rs.getString(2) + ")",
                access.consultationId().value());
        return (caregivers.isEmpty() ? "Caregiver" : caregivers.get(0)) + " for " + patientLabel(access);
    }
}
