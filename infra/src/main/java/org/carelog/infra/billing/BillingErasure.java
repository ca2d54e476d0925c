package org.carelog.infra.billing;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What erasing a patient does to billing's read model, for the erasure reconciliation after a restored backup:
 * the same as the billing projector does on {@code PatientErased} ({@code InvoiceView.erased()}), in SQL over the
 * stored documents: lines lose their code and description; the discount, void, refund and credit note reasons go;
 * amounts, numbers and who took the money stay. Cash entries hold no personal data.
 */
public final class BillingErasure {

    private static final String WITHOUT = "coalesce((select jsonb_agg(x || '%s'::jsonb order by o)"
            + " from jsonb_array_elements(document -> '%s') with ordinality as t(x, o)), '[]'::jsonb)";

    private BillingErasure() {}

    /** Returns the number of invoices changed (none when they were scrubbed already). */
    public static int scrub(JdbcTemplate jdbc, UUID patient) {
        return jdbc.update(
                "update billing_invoice b set document = s.scrubbed from (select invoice_id, document"
                        + " || jsonb_build_object('discountReason', 'null'::jsonb, 'voidReason', 'null'::jsonb,"
                        + " 'lines', " + WITHOUT.formatted("{\"code\": null, \"description\": null}", "lines")
                        + ", 'entries', " + WITHOUT.formatted("{\"reason\": null}", "entries")
                        + ", 'creditNotes', " + WITHOUT.formatted("{\"reason\": null}", "creditNotes")
                        + ") as scrubbed from billing_invoice where patient_id = ?) s"
                        + " where b.invoice_id = s.invoice_id and b.document is distinct from s.scrubbed",
                patient);
    }
}
