package org.carelog.infra.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.carelog.api.clinical.DiagnosisRecorded;
import org.carelog.api.clinical.DiagnosisRetracted;
import org.carelog.api.clinical.EncounterOpened;
import org.carelog.api.common.ReadModelTables;
import org.carelog.api.lab.LabOrderCancelled;
import org.carelog.api.lab.LabResult;
import org.carelog.api.lab.LabResultCorrected;
import org.carelog.api.lab.LabResultEntered;
import org.carelog.api.lab.LabResultVerified;
import org.carelog.api.lab.LabTestOrdered;
import org.carelog.api.patient.PatientDemographics;
import org.carelog.api.patient.PatientDemographicsChanged;
import org.carelog.api.patient.PatientErased;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.api.prescription.PrescribedItem;
import org.carelog.api.prescription.PrescriptionSigned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the clinical reports (V26): diagnoses with the patient's sex and age group at the encounter, signed
 * prescriptions' medicines, lab orders with their turnaround and flag. Where a row belongs (department,
 * practitioner, day) is the encounter's, kept in {@code report_encounter} from its opening; the department is
 * the attending practitioner's. On erasure the patient's rows lose their patient id and the patient's sex and
 * birth date are deleted: what remains is anonymous counts.
 */
@Component
@ReadModelTables({
    "report_patient",
    "report_encounter",
    "report_diagnosis",
    "report_prescription_item",
    "report_lab_order"
})
@ProcessingGroup(ClinicalReportProjector.PROCESSING_GROUP)
class ClinicalReportProjector {

    static final String PROCESSING_GROUP = "clinical-reports";

    private static final UUID NONE = OperationalReportProjector.NONE;

    private record EncounterPlace(UUID patient, LocalDate day, UUID practitioner, UUID department) {}

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    ClinicalReportProjector(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    @EventHandler
    void on(PatientRegistered event) {
        demographics(event.patientId(), event.demographics());
    }

    @EventHandler
    void on(PatientDemographicsChanged event) {
        demographics(event.patientId(), event.demographics());
    }

    private void demographics(PatientId patient, PatientDemographics demographics) {
        if (demographics == null) {
            return; // erased: nothing to keep
        }
        jdbc.update(
                "insert into report_patient (patient_id, sex, birth_date) values (?, ?, ?) on conflict (patient_id)"
                        + " do update set sex = excluded.sex, birth_date = excluded.birth_date",
                patient.value(),
                demographics.sex() == null ? null : demographics.sex().name(),
                demographics.birthDate() == null
                        ? null
                        : demographics.birthDate().date());
    }

    @EventHandler
    void on(PatientErased event) {
        ClinicalReportErasure.anonymise(jdbc, event.patientId().value());
    }

    @EventHandler
    void on(EncounterOpened event, @org.axonframework.eventhandling.Timestamp Instant at) {
        List<UUID> departments = jdbc.queryForList(
                "select department_id from practitioner_directory where practitioner_id = ?",
                UUID.class,
                event.attending().value());
        jdbc.update(
                "insert into report_encounter (encounter_id, patient_id, day, practitioner_id, department_id)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing",
                event.encounterId().value(),
                event.patientId().value(),
                at.atZone(zone).toLocalDate(),
                event.attending().value(),
                departments.isEmpty() ? NONE : departments.get(0));
    }

    @EventHandler
    void on(DiagnosisRecorded event) {
        EncounterPlace place = encounter(event.encounterId().value());
        if (place == null) {
            return;
        }
        List<Map<String, Object>> patient = jdbc.queryForList(
                "select sex, birth_date from report_patient where patient_id = ?",
                event.patientId().value());
        String sex = patient.isEmpty() || patient.get(0).get("sex") == null
                ? "UNKNOWN"
                : (String) patient.get(0).get("sex");
        LocalDate born = patient.isEmpty() || patient.get(0).get("birth_date") == null
                ? null
                : ((java.sql.Date) patient.get(0).get("birth_date")).toLocalDate();
        List<String> chapters = event.code() == null
                ? List.of()
                : jdbc.queryForList(
                        "select chapter from classification_code where system = ? and code = ?",
                        String.class,
                        event.system(),
                        event.code());
        jdbc.update(
                "insert into report_diagnosis (diagnosis_id, patient_id, day, department_id, practitioner_id, system,"
                        + " code, chapter, age_group, sex) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                event.diagnosisId(),
                event.patientId().value(),
                place.day(),
                place.department(),
                place.practitioner(),
                event.uncoded() ? null : event.system(),
                event.uncoded() ? null : event.code(),
                chapters.isEmpty() ? null : chapters.get(0),
                ageGroup(born, place.day()),
                sex);
    }

    @EventHandler
    void on(DiagnosisRetracted event) {
        jdbc.update("update report_diagnosis set retracted = true where diagnosis_id = ?", event.diagnosisId());
    }

    @EventHandler
    void on(PrescriptionSigned event) {
        EncounterPlace place = encounter(event.encounterId().value());
        if (place == null || event.items() == null) {
            return;
        }
        int line = 0;
        for (PrescribedItem item : event.items()) {
            jdbc.update(
                    "insert into report_prescription_item (prescription_id, line, patient_id, day, department_id,"
                            + " practitioner_id, medicine) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                    event.prescriptionId().value(),
                    line++,
                    event.patientId().value(),
                    event.signedOn(),
                    place.department(),
                    place.practitioner(),
                    item.genericName() == null ? "(not named)" : item.genericName());
        }
    }

    @EventHandler
    void on(LabTestOrdered event, @org.axonframework.eventhandling.Timestamp Instant at) {
        EncounterPlace place = event.encounterId() == null
                ? null
                : encounter(event.encounterId().value());
        jdbc.update(
                "insert into report_lab_order (order_id, patient_id, day, department_id, practitioner_id, kind, code,"
                        + " name, ordered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                event.orderId().value(),
                event.patientId().value(),
                at.atZone(zone).toLocalDate(),
                place == null ? NONE : place.department(),
                place == null ? NONE : place.practitioner(),
                event.kind().name(),
                event.code(),
                event.name(),
                Timestamp.from(at));
    }

    @EventHandler
    void on(LabResultEntered event) {
        flag(event.orderId().value(), event.result());
    }

    @EventHandler
    void on(LabResultCorrected event) {
        flag(event.orderId().value(), event.result());
    }

    @EventHandler
    void on(LabResultVerified event, @org.axonframework.eventhandling.Timestamp Instant at) {
        // Turnaround ends at the first verification; a corrected result verified later does not move it.
        jdbc.update(
                "update report_lab_order set verified_at = coalesce(verified_at, ?) where order_id = ?",
                Timestamp.from(at),
                event.orderId().value());
    }

    @EventHandler
    void on(LabOrderCancelled event) {
        jdbc.update(
                "update report_lab_order set cancelled = true where order_id = ?",
                event.orderId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate report_patient, report_encounter, report_diagnosis, report_prescription_item,"
                + " report_lab_order");
    }

    /** The result's flag as the latest version gives it (null when erased or unflagged). */
    private void flag(UUID order, LabResult result) {
        String flag =
                result == null || result.flag() == null ? null : result.flag().name();
        jdbc.update("update report_lab_order set flag = ? where order_id = ?", flag, order);
    }

    private EncounterPlace encounter(UUID encounter) {
        List<EncounterPlace> found = jdbc.query(
                "select patient_id, day, practitioner_id, department_id from report_encounter where encounter_id = ?",
                (rs, n) -> new EncounterPlace(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class)),
                encounter);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The age groups of the reports: under 1, 1-4, 5-14, 15-24, 25-44, 45-64, 65 and over; UNKNOWN. */
    static String ageGroup(LocalDate born, LocalDate on) {
        if (born == null || born.isAfter(on)) {
            return "UNKNOWN";
        }
        int years = Period.between(born, on).getYears();
        if (years < 1) return "<1";
        if (years < 5) return "1-4";
        if (years < 15) return "5-14";
        if (years < 25) return "15-24";
        if (years < 45) return "25-44";
        if (years < 65) return "45-64";
        return "65+";
    }
}
