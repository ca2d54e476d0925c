package org.carelog.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;

/** A signed-in patient sees their own issued invoices in the portal, never a draft and never another's. */
class MyInvoicesTest extends BillingApi {

    private static final String MY_INVOICES =
            "{ myInvoices { invoiceId number status total { amount } due { amount } } }";

    @Test
    void aPatientSeesTheirIssuedInvoicesOnly() {
        String code = "XRAY" + unique();
        price("IMAGING", code, "Chest X-ray", "700");
        String patient = registeredPatient();
        String other = registeredPatient();
        String invoiceId = data(post(
                        credentials(Role.BILLING),
                        COUNTER_INVOICE,
                        Map.of(
                                "input",
                                map(
                                        "patientId",
                                        patient,
                                        "charges",
                                        List.of(map("category", "IMAGING", "code", code))))))
                .at("/createCounterInvoice/invoiceId")
                .asText();
        String me = signedInPatient(patient);
        String someoneElse = signedInPatient(other);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from billing_invoice where invoice_id = ?::uuid",
                                Long.class,
                                invoiceId)
                        == 1);
        assertThat(data(post(me, MY_INVOICES, Map.of())).get("myInvoices"))
                .as("a draft is not the patient's yet")
                .isEmpty();

        pay(credentials(Role.BILLING), invoiceId, "CASH", "300");
        JsonNode mine = await().atMost(Duration.ofSeconds(20))
                .until(() -> data(post(me, MY_INVOICES, Map.of())).get("myInvoices"), list -> list.size() == 1)
                .get(0);
        assertThat(mine.get("invoiceId").asText()).isEqualTo(invoiceId);
        assertThat(mine.get("status").asText()).isEqualTo("ISSUED");
        assertThat(mine.at("/total/amount").asText()).isEqualTo("700.00");
        assertThat(mine.at("/due/amount").asText()).isEqualTo("400.00");
        assertThat(data(post(someoneElse, MY_INVOICES, Map.of())).get("myInvoices"))
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from clinical_access_log where patient_id = ?::uuid and view = 'portal.invoices'"
                                + " and role = 'PATIENT'",
                        Long.class,
                        patient))
                .isPositive();
        JsonNode staff = json(post(credentials(Role.BILLING), MY_INVOICES, Map.of()));
        assertThat(staff.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    }
}
