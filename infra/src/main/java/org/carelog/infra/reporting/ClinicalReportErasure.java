package org.carelog.infra.reporting;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What erasing a patient does to the clinical reports: their rows lose the patient id (they stay as anonymous
 * counts) and their sex and birth date are deleted. Used by the projector on {@code PatientErased} and by the
 * erasure reconciliation after a restored backup.
 */
public final class ClinicalReportErasure {

    private static final List<String> TABLES =
            List.of("report_encounter", "report_diagnosis", "report_prescription_item", "report_lab_order");

    private ClinicalReportErasure() {}

    /** Returns the number of rows changed. */
    public static int anonymise(JdbcTemplate jdbc, UUID patient) {
        int changed = jdbc.update("delete from report_patient where patient_id = ?", patient);
        for (String table : TABLES) {
            changed += jdbc.update("update " + table + " set patient_id = null where patient_id = ?", patient);
        }
        return changed;
    }
}
