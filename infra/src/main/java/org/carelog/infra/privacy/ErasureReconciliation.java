package org.carelog.infra.privacy;

import java.util.List;
import java.util.UUID;
import org.carelog.infra.billing.BillingErasure;
import org.carelog.infra.clinical.JdbcEncounterReadModel;
import org.carelog.infra.lab.JdbcLabOrderStore;
import org.carelog.infra.reporting.ClinicalReportErasure;
import org.carelog.infra.reporting.FinanceReportErasure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At every start, removes what the tables holding clear text still know about erased patients. Normally
 * there is nothing to do (erasure scrubs them at once); after a data backup from before an erasure was
 * restored, the key store's tombstones say whom to scrub: the command-side lookups lose their rows and
 * the directory row is blanked and marked erased, appointment histories lose their free text, the medication
 * chart goes, encounters and lab orders keep their steps but lose their clinical content, and invoices keep their
 * amounts but lose what their lines were for and every reason.
 */
@Component
public class ErasureReconciliation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ErasureReconciliation.class);

    private final JdbcTemplate jdbc;
    private final SubjectKeyStore keys;

    ErasureReconciliation(JdbcTemplate jdbc, SubjectKeyStore keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int scrubbed = scrub(jdbc, keys.destroyedSubjects());
        if (scrubbed > 0) {
            log.warn("Scrubbed {} rows of erased patients from the read models (a restored backup?)", scrubbed);
        }
    }

    /** Scrubs the given erased patients' rows; returns how many rows changed. */
    public static int scrub(JdbcTemplate jdbc, List<String> erasedSubjects) {
        int changed = 0;
        for (String subject : erasedSubjects) {
            UUID id;
            try {
                id = UUID.fromString(subject);
            } catch (IllegalArgumentException notAPatient) {
                continue;
            }
            changed += jdbc.update("delete from patient_identifier where patient_id = ?", id);
            changed += jdbc.update("delete from patient_match where patient_id = ?", id);
            changed += jdbc.update(
                    "update patient_directory set erased = true, name_bn = null, name_en = null, search_key = '',"
                            + " sex = null, birth_date = null, birth_date_estimated = false, blood_group = null,"
                            + " phone = null, email = null, national_id = null, birth_registration_number = null,"
                            + " division_code = null, district_code = null, upazila_code = null, address_line = null,"
                            + " emergency_contact_name = null, emergency_contact_relationship = null,"
                            + " emergency_contact_phone = null, preferred_language = null"
                            + " where patient_id = ? and not erased",
                    id);
            // Reasons and notes about the patient in appointments' histories (the facts stay).
            changed += jdbc.update(
                    "update appointment_history set detail = null where patient_id = ? and detail is not null", id);
            // Allergies and prescriptions (the projector deletes the chart on erasure; a restored backup has it).
            changed += jdbc.update("delete from medication_chart where patient_id = ?", id);
            // Encounters' notes, vital signs and diagnoses; lab orders' tests and results.
            changed += JdbcEncounterReadModel.erase(jdbc, id);
            changed += JdbcLabOrderStore.scrub(jdbc, id);
            // Report rows become anonymous counts; the patient's sex and birth date go.
            changed += ClinicalReportErasure.anonymise(jdbc, id);
            // Invoices: what lines were for and every reason, as billing's projector scrubs them.
            changed += BillingErasure.scrub(jdbc, id);
            // Finance report rows: line codes and discount reasons go, invoices lose the patient id.
            changed += FinanceReportErasure.scrub(jdbc, id);
            // Messages to the patient: texts and addresses; waiting ones are withdrawn.
            changed += org.carelog.infra.communication.MessageErasure.scrub(jdbc, id);
        }
        return changed;
    }
}
