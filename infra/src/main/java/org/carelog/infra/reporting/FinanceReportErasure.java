package org.carelog.infra.reporting;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What erasing a patient does to the finance reports: what their invoices' lines were for (the service codes) and
 * the reasons for their discounts go, and their invoices lose the patient id; amounts stay, as in billing's own
 * read model. The same rows as a rebuild after the erasure (the codes and reasons were personal data). Used by
 * the projector on {@code PatientErased} and by the erasure reconciliation after a restored backup.
 */
public final class FinanceReportErasure {

    private FinanceReportErasure() {}

    /** Returns the number of rows changed. */
    public static int scrub(JdbcTemplate jdbc, UUID patient) {
        int changed = jdbc.update(
                "update report_finance_line set code = null where code is not null and invoice_id in"
                        + " (select invoice_id from report_finance_invoice where patient_id = ?)",
                patient);
        changed += jdbc.update(
                "update report_finance_discount set reason = null where reason is not null and invoice_id in"
                        + " (select invoice_id from report_finance_invoice where patient_id = ?)",
                patient);
        changed += jdbc.update("update report_finance_invoice set patient_id = null where patient_id = ?", patient);
        return changed;
    }
}
