package org.carelog.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carelog.api.common.Role;
import org.carelog.infra.reporting.FinanceReportErasure;
import org.carelog.projection.billing.BillingStore;
import org.carelog.projection.billing.InvoiceView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the erasure reconciliation does to billing's tables when Carelog starts on a backup restored from before an
 * erasure: the same as billing's projector does on the erasure in normal running. The rows are put back after
 * the check (the patient is not really erased), so the replay check of the shared test context stays true.
 */
class BillingErasureTest extends BillingApi {

    @Autowired
    BillingStore store;

    @Test
    void aRestoredBackupsInvoicesOfAnErasedPatientAreScrubbedAsBillingsProjectorScrubsThem() {
        String code = "ERASE" + unique();
        price("SERVICE", code, "ECG", "1000");
        String patient = registeredPatient();
        Map<String, Object> sale =
                map("patientId", patient, "charges", List.of(map("category", "SERVICE", "code", code)));
        String invoiceId = data(post(credentials(Role.BILLING), COUNTER_INVOICE, Map.of("input", sale)))
                .at("/createCounterInvoice/invoiceId")
                .asText();
        String admin = credentials(Role.ADMIN);
        data(post(
                admin, DISCOUNT, Map.of("input", map("invoiceId", invoiceId, "percent", "20", "reason", "hardship"))));
        pay(credentials(Role.BILLING), invoiceId, "CASH", "500");
        data(post(
                admin,
                REFUND,
                Map.of(
                        "input",
                        map("invoiceId", invoiceId, "method", "CASH", "amount", "100", "reason", "overcharged"))));
        data(post(admin, CREDIT, Map.of("input", map("invoiceId", invoiceId, "amount", "50", "reason", "goodwill"))));
        awaitInvoice(
                invoiceId,
                i -> i.get("creditNotes").size() == 1 && i.get("entries").size() == 2);
        awaitCaughtUp("finance-reports");
        UUID id = UUID.fromString(patient);

        List<InvoiceView> live = store.ofPatient(id);
        String document = jdbc.queryForObject(
                "select document::text from billing_invoice where invoice_id = ?::uuid", String.class, invoiceId);
        List<Map<String, Object>> financeRows = financeRows(invoiceId);
        assertThat(live.get(0).discountReason()).isEqualTo("hardship");
        assertThat(financeRows).anyMatch(r -> "hardship".equals(r.get("reason")));
        try {
            assertThat(BillingErasure.scrub(jdbc, id)).isEqualTo(1);
            assertThat(store.ofPatient(id))
                    .as("the same documents as the projector writes on PatientErased")
                    .isEqualTo(live.stream().map(InvoiceView::erased).toList());
            assertThat(store.ofPatient(id).get(0).total()).isEqualTo(live.get(0).total());
            assertThat(BillingErasure.scrub(jdbc, id))
                    .as("nothing left to scrub")
                    .isZero();

            assertThat(FinanceReportErasure.scrub(jdbc, id)).isPositive();
            assertThat(financeRows(invoiceId))
                    .allMatch(r -> r.get("reason") == null && r.get("code") == null && r.get("patient_id") == null);
            assertThat(FinanceReportErasure.scrub(jdbc, id)).isZero();
        } finally {
            jdbc.update(
                    "update billing_invoice set document = ?::jsonb where invoice_id = ?::uuid", document, invoiceId);
            for (Map<String, Object> row : financeRows) {
                jdbc.update(
                        "update report_finance_line set code = ? where invoice_id = ?::uuid and charge_key = ?",
                        row.get("code"),
                        invoiceId,
                        row.get("charge_key"));
                jdbc.update(
                        "update report_finance_discount set reason = ? where invoice_id = ?::uuid",
                        row.get("reason"),
                        invoiceId);
            }
            jdbc.update("update report_finance_invoice set patient_id = ? where invoice_id = ?::uuid", id, invoiceId);
        }
        assertThat(store.ofPatient(id)).isEqualTo(live);
    }

    /** The invoice's finance report rows: each line's code with the discount's reason and the patient id. */
    private List<Map<String, Object>> financeRows(String invoiceId) {
        return jdbc.queryForList(
                "select l.charge_key, l.code, d.reason, i.patient_id from report_finance_line l"
                        + " join report_finance_invoice i on i.invoice_id = l.invoice_id"
                        + " left join report_finance_discount d on d.invoice_id = l.invoice_id and not d.superseded"
                        + " where l.invoice_id = ?::uuid",
                invoiceId);
    }
}
