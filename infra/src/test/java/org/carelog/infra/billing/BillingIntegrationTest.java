package org.carelog.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.carelog.api.common.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Billing's whole path over GraphQL against PostgreSQL: a signed encounter is invoiced automatically, paid in
 * cash and by bKash (retried), receipted; twenty cashiers pay one invoice at once; a rebuilt read model equals
 * the live one and a re-sent generation makes no second invoice; the cash book equals the payment events.
 */
class BillingIntegrationTest extends BillingApi {

    static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aSignedEncounterIsInvoicedPaidAndReceipted() {
        Doctor doctor = doctorWithFees();
        price("LAB", "718-7", "Haemoglobin", "350");
        String patient = registeredPatient();
        String encounter = signedEncounterWithHaemoglobin(doctor, patient);
        String invoiceId = invoiceOf(encounter);

        JsonNode draft = awaitInvoice(invoiceId, i -> true);
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("number").asText()).matches("INV-\\d{4}-\\d{6}");
        assertThat(draft.get("encounterId").asText()).isEqualTo(encounter);
        assertThat(draft.get("departmentId").asText()).isEqualTo(doctor.departmentId());
        assertThat(draft.at("/lines/0/visit").asText()).isEqualTo("NEW");
        assertThat(draft.at("/lines/0/unitPrice/amount").asText()).isEqualTo("1000.00");
        assertThat(draft.at("/lines/1/chargeKey").asText()).startsWith("lab-order:");
        assertThat(draft.at("/lines/1/code").asText()).isEqualTo("718-7");
        assertThat(draft.at("/total/amount").asText()).isEqualTo("1350.00");

        JsonNode byNumber = data(post(
                credentials(Role.BILLING),
                INVOICE_BY_NUMBER,
                Map.of("n", draft.get("number").asText())));
        assertThat(byNumber.at("/invoiceByNumber/invoiceId").asText()).isEqualTo(invoiceId);
        assertThat(error(json(post(credentials(Role.RECEPTIONIST), INVOICE, Map.of("id", invoiceId)))))
                .isEqualTo("FORBIDDEN");

        String cashier = newStaff(Role.BILLING);
        JsonNode cash = pay(cashier, invoiceId, "CASH", "1000", "tendered", "1,500", "idempotencyKey", "cash-1");
        assertThat(cash.at("/data/recordPayment/changeDue/amount").asText()).isEqualTo("500.00");
        assertThat(cash.at("/data/recordPayment/balanceDue/amount").asText()).isEqualTo("350.00");
        JsonNode retried = pay(cashier, invoiceId, "CASH", "1000", "tendered", "1,500", "idempotencyKey", "cash-1");
        assertThat(retried.at("/data/recordPayment/paymentId"))
                .as("the same idempotency key records the payment once")
                .isEqualTo(cash.at("/data/recordPayment/paymentId"));

        assertThat(error(pay(cashier, invoiceId, "CARD", "350.01"))).isEqualTo("CONFLICT");
        String txn = "BK" + unique();
        JsonNode bkash = pay(cashier, invoiceId, "BKASH", "350", "reference", txn);
        assertThat(bkash.at("/data/recordPayment/balanceDue/amount").asText()).isEqualTo("0.00");
        JsonNode again = pay(cashier, invoiceId, "BKASH", "350", "reference", txn);
        assertThat(again.at("/data/recordPayment/paymentId"))
                .as("the same provider transaction is recorded once")
                .isEqualTo(bkash.at("/data/recordPayment/paymentId"));
        assertThat(eventCount("org.carelog.api.billing.PaymentRecorded", invoiceId))
                .isEqualTo(2);

        JsonNode paid = awaitInvoice(invoiceId, i -> i.get("entries").size() == 2);
        assertThat(paid.get("status").asText()).isEqualTo("ISSUED");
        assertThat(paid.at("/due/amount").asText()).isEqualTo("0.00");
        assertThat(paid.at("/paid/amount").asText()).isEqualTo("1350.00");
        assertThat(paid.at("/entries/1/reference").asText()).isEqualTo(txn);

        assertThat(error(json(post(
                        credentials(Role.ADMIN),
                        VOID,
                        Map.of("input", map("invoiceId", invoiceId, "reason", "wrong patient"))))))
                .as("nothing is voided once paid")
                .isEqualTo("CONFLICT");

        // The receipt, printed: the invoice's number, what was received and the amount in words.
        HttpResponse<byte[]> receipt = get("/billing/invoices/" + invoiceId + "/receipt.pdf", cashier);
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdfText(receipt.body()))
                .contains(paid.get("number").asText())
                .contains("৳ 1,350.00")
                .contains("One Thousand Three Hundred Fifty Taka Only")
                .contains("এক হাজার তিন শত পঞ্চাশ টাকা মাত্র")
                .contains(txn);
        assertThat(pdfText(
                        get("/billing/invoices/" + invoiceId + ".pdf", cashier).body()))
                .contains("Hemoglobin [Mass/volume] in Blood");
        assertThat(get("/billing/invoices/" + invoiceId + ".pdf", credentials(Role.RECEPTIONIST))
                        .statusCode())
                .isEqualTo(403);

        // The next visit with the same doctor within the free-revisit window costs no consultation.
        String second = signedEncounterWithHaemoglobin(doctor, patient);
        JsonNode revisit = awaitInvoice(invoiceOf(second), i -> true);
        assertThat(revisit.at("/lines/0/visit").asText()).isEqualTo("FREE_REVISIT");
        assertThat(revisit.at("/total/amount").asText()).isEqualTo("350.00");

        // The cash book of the cashier's day equals the payment events they recorded.
        LocalDate day =
                Instant.parse(paid.at("/entries/0/at").asText()).atZone(DHAKA).toLocalDate();
        JsonNode book =
                data(post(cashier, CASH_BOOK, Map.of("d", day.toString()))).get("cashBook");
        assertThat(book.get("entries")).hasSize(2);
        assertThat(book.at("/received/amount").asText()).isEqualTo("1350.00");
        assertThat(new BigDecimal(book.at("/closing/amount").asText())
                        .subtract(new BigDecimal(book.at("/opening/amount").asText())))
                .isEqualByComparingTo(paymentEventsOf(cashierName(cashier)));
        JsonNode totals = data(post(
                        cashier,
                        "query($d: Date!) { cashBook(date: $d) { received { amount } closing { amount } } }",
                        Map.of("d", day.toString())))
                .get("cashBook");
        assertThat(totals.at("/closing/amount"))
                .as("totals summed in the database equal the entries summed")
                .isEqualTo(book.at("/closing/amount"));
        assertThat(totals.at("/received/amount")).isEqualTo(book.at("/received/amount"));
        assertThat(error(json(post(cashier, CASH_BOOK, Map.of("c", "someone-else", "d", day.toString())))))
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void twentyCashiersPayingOneInvoiceAtOnceNeverTakeMoreThanIsDue() throws Exception {
        String code = "DRESS" + unique();
        price("PROCEDURE", code, "Wound dressing", "1000");
        String patient = registeredPatient();
        String invoiceId = data(post(
                        credentials(Role.BILLING),
                        COUNTER_INVOICE,
                        Map.of(
                                "input",
                                map(
                                        "patientId",
                                        patient,
                                        "charges",
                                        List.of(map("category", "PROCEDURE", "code", code))))))
                .at("/createCounterInvoice/invoiceId")
                .asText();
        List<String> cashiers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cashiers.add(newStaff(Role.BILLING));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<JsonNode>> results = new ArrayList<>();
        try {
            for (String cashier : cashiers) {
                Callable<JsonNode> payment = () -> pay(cashier, invoiceId, "CASH", "100");
                results.add(pool.submit(payment));
            }
            int recorded = 0;
            int refused = 0;
            for (Future<JsonNode> result : results) {
                JsonNode response = result.get();
                if (response.at("/data/recordPayment/paymentId").isTextual()) {
                    recorded++;
                } else {
                    assertThat(error(response)).isEqualTo("CONFLICT");
                    refused++;
                }
            }
            assertThat(recorded).isEqualTo(10);
            assertThat(refused).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventCount("org.carelog.api.billing.PaymentRecorded", invoiceId))
                .isEqualTo(10);
        JsonNode paid = awaitInvoice(invoiceId, i -> i.get("entries").size() == 10);
        assertThat(paid.at("/due/amount").asText()).isEqualTo("0.00");
        assertThat(paid.at("/paid/amount").asText()).isEqualTo("1000.00");
    }

    @Test
    void discountsAboveTheLimitRefundsAndVoidsNeedAnApprover() {
        String code = "XRAY" + unique();
        price("IMAGING", code, "X-ray chest PA", "600");
        String patient = registeredPatient();
        Map<String, Object> sale =
                map("patientId", patient, "charges", List.of(map("category", "IMAGING", "code", code, "quantity", 2)));
        String invoiceId = data(post(credentials(Role.BILLING), COUNTER_INVOICE, Map.of("input", sale)))
                .at("/createCounterInvoice/invoiceId")
                .asText();
        Map<String, Object> big = map("invoiceId", invoiceId, "percent", "25", "reason", "hardship");
        assertThat(error(json(post(credentials(Role.BILLING), DISCOUNT, Map.of("input", big)))))
                .isEqualTo("FORBIDDEN");
        data(post(credentials(Role.ADMIN), DISCOUNT, Map.of("input", big)));
        JsonNode payment = pay(credentials(Role.BILLING), invoiceId, "CARD", "900", "reference", "POS-1");
        assertThat(payment.at("/data/recordPayment/balanceDue/amount").asText()).isEqualTo("0.00");

        Map<String, Object> refund =
                map("invoiceId", invoiceId, "method", "CASH", "amount", "300", "reason", "one film not taken");
        assertThat(error(json(post(credentials(Role.BILLING), REFUND, Map.of("input", refund)))))
                .isEqualTo("FORBIDDEN");
        data(post(credentials(Role.ADMIN), REFUND, Map.of("input", refund)));
        Map<String, Object> tooMuch = map("invoiceId", invoiceId, "method", "CASH", "amount", "600.01", "reason", "x");
        assertThat(error(json(post(credentials(Role.ADMIN), REFUND, Map.of("input", tooMuch)))))
                .isEqualTo("CONFLICT");

        JsonNode invoice = awaitInvoice(invoiceId, i -> i.get("entries").size() == 2);
        assertThat(invoice.at("/discount/amount").asText()).isEqualTo("300.00");
        assertThat(invoice.at("/total/amount").asText()).isEqualTo("900.00");
        assertThat(invoice.at("/refunded/amount").asText()).isEqualTo("300.00");
        assertThat(invoice.at("/due/amount").asText()).isEqualTo("300.00");
        assertThat(invoice.at("/entries/1/by").asText()).isEqualTo(username(Role.ADMIN));

        String unpaid = data(post(credentials(Role.BILLING), COUNTER_INVOICE, Map.of("input", sale)))
                .at("/createCounterInvoice/invoiceId")
                .asText();
        data(post(credentials(Role.ADMIN), VOID, Map.of("input", map("invoiceId", unpaid, "reason", "duplicate"))));
        assertThat(error(pay(credentials(Role.BILLING), unpaid, "CASH", "10"))).isEqualTo("CONFLICT");
        assertThat(awaitInvoice(unpaid, i -> i.get("status").asText().equals("VOID"))
                        .at("/due/amount")
                        .asText())
                .isEqualTo("0.00");
    }

    @Test
    void depositsPayLaterInvoicesAndOnlineConfirmationsAreRecordedOnce() {
        String code = "ECG" + unique();
        price("SERVICE", code, "ECG", "1500");
        String patient = registeredPatient();
        String cashier = newStaff(Role.BILLING);
        data(post(
                cashier,
                RECEIVE_DEPOSIT,
                Map.of(
                        "input",
                        map("patientId", patient, "method", "CASH", "amount", "2000", "idempotencyKey", "d1"))));
        data(post(
                cashier,
                RECEIVE_DEPOSIT,
                Map.of(
                        "input",
                        map("patientId", patient, "method", "CASH", "amount", "2000", "idempotencyKey", "d1"))));
        Map<String, Object> sale =
                map("patientId", patient, "charges", List.of(map("category", "SERVICE", "code", code)));
        String first = data(post(cashier, COUNTER_INVOICE, Map.of("input", sale)))
                .at("/createCounterInvoice/invoiceId")
                .asText();
        String second = data(post(cashier, COUNTER_INVOICE, Map.of("input", sale)))
                .at("/createCounterInvoice/invoiceId")
                .asText();

        JsonNode fromDeposit =
                data(post(cashier, PAY_FROM_DEPOSIT, Map.of("input", map("invoiceId", first, "amount", "1500"))));
        assertThat(fromDeposit.at("/payFromDeposit/balanceDue/amount").asText()).isEqualTo("0.00");
        assertThat(error(json(
                        post(cashier, PAY_FROM_DEPOSIT, Map.of("input", map("invoiceId", second, "amount", "600"))))))
                .as("only 500 is left on deposit; neither the account nor the invoice changed")
                .isEqualTo("CONFLICT");
        assertThat(eventCount("org.carelog.api.billing.PaymentRecorded", second))
                .isZero();

        String txn = "SSL" + unique();
        Map<String, Object> confirmation =
                map("invoiceId", second, "provider", "BKASH", "providerTransactionId", txn, "amount", "1500");
        JsonNode online = data(post(credentials(Role.ADMIN), CONFIRM_ONLINE, Map.of("input", confirmation)));
        JsonNode repeated = data(post(credentials(Role.ADMIN), CONFIRM_ONLINE, Map.of("input", confirmation)));
        assertThat(repeated.at("/confirmOnlinePayment/paymentId"))
                .isEqualTo(online.at("/confirmOnlinePayment/paymentId"));
        assertThat(online.at("/confirmOnlinePayment/balanceDue/amount").asText())
                .isEqualTo("0.00");
        assertThat(error(json(post(credentials(Role.BILLING), CONFIRM_ONLINE, Map.of("input", confirmation)))))
                .as("only the adapter's (administrator's) account confirms online payments")
                .isEqualTo("FORBIDDEN");

        awaitInvoice(second, i -> i.get("entries").size() == 1);
        JsonNode paidFromDeposit = awaitInvoice(first, i -> i.get("entries").size() == 1);
        assertThat(paidFromDeposit.at("/entries/0/method").asText()).isEqualTo("DEPOSIT");
        JsonNode balance = data(post(cashier, BALANCE, Map.of("p", patient))).get("patientBalance");
        assertThat(balance.at("/deposits/amount").asText()).isEqualTo("500.00");
        assertThat(balance.at("/due/amount").asText()).isEqualTo("0.00");

        LocalDate day = Instant.parse(paidFromDeposit.at("/entries/0/at").asText())
                .atZone(DHAKA)
                .toLocalDate();
        JsonNode book =
                data(post(cashier, CASH_BOOK, Map.of("d", day.toString()))).get("cashBook");
        assertThat(book.get("entries"))
                .as("the deposit once; its use on an invoice moved no cash")
                .hasSize(1);
        assertThat(book.at("/entries/0/kind").asText()).isEqualTo("DEPOSIT");
        assertThat(book.at("/received/amount").asText()).isEqualTo("2000.00");

        JsonNode revenue = data(post(
                        credentials(Role.ADMIN), REVENUE, Map.of("from", day.toString(), "to", day.toString())))
                .get("revenue");
        BigDecimal collected = BigDecimal.ZERO;
        for (JsonNode row : revenue) {
            collected = collected.add(new BigDecimal(row.at("/collected/amount").asText()));
        }
        assertThat(collected).isGreaterThanOrEqualTo(new BigDecimal("3000.00"));
        JsonNode receivables = data(post(cashier, "query { receivables(first: 500) { invoiceId ageDays } }", Map.of()));
        assertThat(receivables.get("receivables").findValuesAsText("invoiceId")).doesNotContain(first, second);
    }

    @Test
    void aRebuiltReadModelEqualsTheLiveOneAndARegenerationMakesNoSecondInvoice() {
        Doctor doctor = doctorWithFees();
        price("LAB", "718-7", "Haemoglobin", "350");
        String patient = registeredPatient();
        String encounter = signedEncounterWithHaemoglobin(doctor, patient);
        String invoiceId = invoiceOf(encounter);
        awaitInvoice(invoiceId, i -> true);
        pay(credentials(Role.BILLING), invoiceId, "NAGAD", "500", "reference", "NG" + unique());
        awaitInvoice(invoiceId, i -> i.get("entries").size() == 1);

        // A redelivered signature (or a cashier's request) sends the generation again: the same invoice answers.
        JsonNode regenerated =
                data(post(credentials(Role.BILLING), GENERATE, Map.of("input", map("encounterId", encounter))));
        assertThat(regenerated.at("/generateEncounterInvoice/invoiceId").asText())
                .isEqualTo(invoiceId);
        assertThat(eventCount("org.carelog.api.billing.InvoiceGenerated", invoiceId))
                .isEqualTo(1);
        StreamingEventProcessor generator = processing
                .eventProcessor("billing-invoice-generator", StreamingEventProcessor.class)
                .orElseThrow();
        assertThat(generator.supportsReset())
                .as("the generator is never replayed")
                .isFalse();

        List<List<String>> live = snapshot();
        StreamingEventProcessor invoices = processing
                .eventProcessor("billing-invoices", StreamingEventProcessor.class)
                .orElseThrow();
        invoices.shutDown();
        invoices.resetTokens();
        assertThat(jdbc.queryForObject("select count(*) from billing_invoice", Integer.class))
                .as("the reset handler cleared the tables")
                .isZero();
        invoices.start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(snapshot()).isEqualTo(live));
        assertThat(jdbc.queryForObject(
                        "select count(*) from billing_invoice where invoice_id = ?::uuid", Integer.class, invoiceId))
                .isEqualTo(1);
    }

    private HttpResponse<byte[]> get(String path, String authorization) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                                    .header("Authorization", authorization)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pdfText(byte[] bytes) {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<List<String>> snapshot() {
        return List.of(
                jdbc.queryForList(
                        "select invoice_id || status || due || total || credited || document::text from billing_invoice"
                                + " order by invoice_id",
                        String.class),
                jdbc.queryForList(
                        "select billing_cash_entry::text from billing_cash_entry order by entry_id", String.class));
    }

    /** Payments less refunds of this cashier, summed from the events themselves. */
    private BigDecimal paymentEventsOf(String cashier) {
        return jdbc.queryForObject(
                "select coalesce(sum((convert_from(payload, 'UTF8')::jsonb -> 'amount' ->> 'amount')::numeric), 0)"
                        + " from domainevententry where payloadtype = 'org.carelog.api.billing.PaymentRecorded'"
                        + " and convert_from(payload, 'UTF8')::jsonb ->> 'cashier' = ?",
                BigDecimal.class,
                cashier);
    }

    private static String cashierName(String basicCredentials) {
        return new String(java.util.Base64.getDecoder().decode(basicCredentials.substring("Basic ".length())))
                .split(":")[0];
    }
}
