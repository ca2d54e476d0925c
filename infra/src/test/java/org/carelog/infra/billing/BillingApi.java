package org.carelog.infra.billing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;
import org.carelog.api.billing.InvoiceId;
import org.carelog.api.clinical.EncounterId;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;

/** Billing over GraphQL: the operations and a signed encounter to bill. */
public abstract class BillingApi extends IntegrationTest {

    protected static final String SET_PRICE = "mutation($input: SetPriceInput!) { setPrice(input: $input) { key } }";
    protected static final String SET_FEES =
            "mutation($input: SetConsultationFeesInput!) { setConsultationFees(input: $input) { key } }";
    protected static final String COUNTER_INVOICE = "mutation($input: CreateCounterInvoiceInput!) {"
            + " createCounterInvoice(input: $input) { invoiceId number total { amount currency } } }";
    protected static final String GENERATE = "mutation($input: GenerateEncounterInvoiceInput!) {"
            + " generateEncounterInvoice(input: $input) { invoiceId number total { amount } } }";
    protected static final String PAY = "mutation($input: RecordPaymentInput!) { recordPayment(input: $input) {"
            + " paymentId changeDue { amount } balanceDue { amount } } }";
    protected static final String CONFIRM_ONLINE = "mutation($input: ConfirmOnlinePaymentInput!) {"
            + " confirmOnlinePayment(input: $input) { paymentId balanceDue { amount } } }";
    protected static final String RECEIVE_DEPOSIT =
            "mutation($input: ReceiveDepositInput!) { receiveDeposit(input: $input) { depositId } }";
    protected static final String PAY_FROM_DEPOSIT =
            "mutation($input: PayFromDepositInput!) { payFromDeposit(input: $input) {"
                    + " paymentId balanceDue { amount } } }";
    protected static final String BALANCE = "query($p: ID!) { patientBalance(patientId: $p) { patientId due { amount }"
            + " refundable { amount } deposits { amount } openInvoices } }";
    protected static final String REVENUE = "query($from: Date!, $to: Date!) { revenue(from: $from, to: $to) {"
            + " day departmentId practitionerId invoiced { amount } collected { amount } } }";
    protected static final String DISCOUNT =
            "mutation($input: ApplyDiscountInput!) { applyDiscount(input: $input) { invoiceId } }";
    protected static final String REFUND =
            "mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { refundId } }";
    protected static final String VOID =
            "mutation($input: InvoiceCorrectionInput!) { voidInvoice(input: $input) { invoiceId } }";
    protected static final String CREDIT =
            "mutation($input: InvoiceCorrectionInput!) { issueCreditNote(input: $input) { invoiceId } }";
    protected static final String INVOICE_FIELDS =
            "invoiceId number patientId encounterId practitionerId departmentId status"
                    + " generatedAt issuedAt gross { amount } tax { amount } discount { amount } discountReason"
                    + " total { amount } credited { amount } paid { amount } refunded { amount } due { amount } voidReason"
                    + " lines { chargeKey category visit code description quantity unitPrice { amount } taxRate"
                    + " net { amount } tax { amount } total { amount } }"
                    + " entries { id kind method amount { amount } tendered { amount } changeDue { amount } reference by at"
                    + " reason } creditNotes { number amount { amount } reason by at }";
    protected static final String INVOICE = "query($id: ID!) { invoice(id: $id) { " + INVOICE_FIELDS + " } }";
    protected static final String INVOICE_BY_NUMBER =
            "query($n: String!) { invoiceByNumber(number: $n) { invoiceId number total { amount } } }";
    protected static final String CASH_BOOK = "query($c: String, $d: Date!) { cashBook(cashier: $c, date: $d) {"
            + " cashier date opening { amount } received { amount } refunded { amount } closing { amount }"
            + " entries { id invoiceId invoiceNumber kind method amount { amount } reference at }"
            + " byMethod { method received { amount } refunded { amount } net { amount } } } }";

    /** A doctor (practitioner, linked account) of a new department, with consultation fees 1000 / 500. */
    protected record Doctor(String departmentId, String practitionerId, String credentials) {}

    protected Doctor doctorWithFees() {
        String department = createDepartment("Medicine " + unique(), "মেডিসিন");
        String practitioner = registerDoctor(department, LocalDate.now().plusYears(2));
        data(post(
                credentials(Role.ADMIN),
                SET_FEES,
                Map.of(
                        "input",
                        map(
                                "practitionerId",
                                practitioner,
                                "newVisit",
                                "1,000",
                                "followUp",
                                "500",
                                "followUpDays",
                                30,
                                "freeRevisitDays",
                                7))));
        return new Doctor(department, practitioner, staffActingAs(Role.DOCTOR, practitioner));
    }

    protected void price(String category, String code, String name, String amount) {
        data(post(
                credentials(Role.ADMIN),
                SET_PRICE,
                Map.of("input", map("category", category, "code", code, "name", name, "amount", amount))));
    }

    /** Opens an encounter, orders a haemoglobin test in it, diagnoses and signs it; returns the encounter id. */
    protected String signedEncounterWithHaemoglobin(Doctor doctor, String patient) {
        String encounter = openEncounter(doctor.credentials(), patient);
        data(post(
                doctor.credentials(),
                "mutation($input: OrderLabTestInput!) { orderLabTest(input: $input) { orderId } }",
                Map.of(
                        "input",
                        map(
                                "patientId",
                                patient,
                                "encounterId",
                                encounter,
                                "kind",
                                "LAB",
                                "code",
                                "718-7",
                                "priority",
                                "ROUTINE"))));
        data(post(
                doctor.credentials(),
                "mutation($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) { diagnosisId } }",
                Map.of("input", map("encounterId", encounter, "rank", "PRIMARY", "uncodedText", "Anaemia"))));
        data(post(
                doctor.credentials(),
                "mutation($input: SignEncounterInput!) { signEncounter(input: $input) { encounterId } }",
                Map.of("input", map("encounterId", encounter))));
        return encounter;
    }

    protected static String invoiceOf(String encounter) {
        return InvoiceId.forEncounter(EncounterId.of(encounter)).toString();
    }

    protected JsonNode awaitInvoice(String invoiceId, Predicate<JsonNode> expected) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    last[0] = data(post(credentials(Role.BILLING), INVOICE, Map.of("id", invoiceId)))
                            .get("invoice");
                    return last[0] != null && !last[0].isNull() && expected.test(last[0]);
                });
        return last[0];
    }

    protected JsonNode pay(String credentials, String invoiceId, String method, String amount, Object... more) {
        Map<String, Object> input = map("invoiceId", invoiceId, "method", method, "amount", amount);
        for (int i = 0; i < more.length; i += 2) {
            input.put((String) more[i], more[i + 1]);
        }
        return json(post(credentials, PAY, Map.of("input", input)));
    }

    protected static String error(JsonNode response) {
        return response.at("/errors/0/extensions/code").asText();
    }
}
