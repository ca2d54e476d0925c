package org.carelog.infra.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.carelog.api.billing.ChargeDetail;
import org.carelog.api.billing.CreditNoteIssued;
import org.carelog.api.billing.DepositReceived;
import org.carelog.api.billing.InvoiceCharge;
import org.carelog.api.billing.InvoiceDiscounted;
import org.carelog.api.billing.InvoiceGenerated;
import org.carelog.api.billing.InvoiceIssued;
import org.carelog.api.billing.InvoiceVoided;
import org.carelog.api.billing.PaymentRecorded;
import org.carelog.api.billing.PaymentRefunded;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.common.Role;
import org.carelog.infra.TestClock;
import org.carelog.infra.billing.BillingApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The finance report against figures computed independently from the stored billing events: 200 invoices over
 * four days 35 and 30 days apart (16 from signed encounters of two doctors, 184 counter sales), discounts by a
 * cashier and an administrator (one replaced), payments in cash, by card and bKash, partial payments settled on
 * later days, refunds, a deposit paid in and applied, a credit note and two voids. Compared facility-wide, for one
 * department and one practitioner, with receivables aged as of the last day and of an earlier one; the CSV
 * exports against the GraphQL figures. The scenario moves the test clock 100 days on, which other tests of the
 * test-clock context do not expect (a follow-up date from today's date would be in the past): the context is
 * closed after this class, and the next test that needs one starts a fresh one.
 */
@Import(TestClock.Config.class)
@DirtiesContext
class FinanceReportsTest extends BillingApi {

    private static final ZoneId DHAKA = ZoneId.of("Asia/Dhaka");
    private static final int DAYS = 4;
    private static final int INVOICES_A_DAY = 50;
    private static final String REPORT = "query($f: ReportFilterInput!) { financeReport(filter: $f) { from to"
            + " totals { invoices invoiced { amount currency } collected { amount } }"
            + " byDepartment { departmentId invoices invoiced { amount } collected { amount } }"
            + " byPractitioner { practitionerId invoices invoiced { amount } collected { amount } }"
            + " byService { category code quantity invoices net { amount } tax { amount } total { amount } }"
            + " byPaymentMethod { method payments received { amount } refunds refunded { amount } net { amount } }"
            + " deposits { count amount { amount } byMethod { method count amount { amount } } }"
            + " discounts { count amount { amount } byUser { username role count amount { amount } }"
            + " byReason { reason count amount { amount } } }"
            + " refunds { count amount { amount } byMethod { method count amount { amount } } }"
            + " receivables { asOf outstanding { amount } invoices buckets { bucket outstanding { amount } invoices } }"
            + " } }";
    private static final String ISSUE =
            "mutation($input: InvoiceActionInput!) { issueInvoice(input: $input) { invoiceId } }";

    @Autowired
    TestClock clock;

    @Autowired
    EventStorageEngine events;

    @AfterEach
    void axonClockBack() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    /** An invoice of the scenario and what is still due on it, as the test keeps count. */
    private static final class Sale {
        final String invoiceId;
        final String patientId;
        BigDecimal due;

        Sale(String invoiceId, String patientId, BigDecimal due) {
            this.invoiceId = invoiceId;
            this.patientId = patientId;
            this.due = due;
        }
    }

    @Test
    void financeFiguresEqualWhatTheBillingEventsSay() {
        GenericEventMessage.clock = clock;
        LocalDate first = LocalDate.now(clock).plusDays(1);
        List<LocalDate> days = List.of(first, first.plusDays(35), first.plusDays(65), first.plusDays(100));
        clock.advanceTo(at(first, "08:00"));
        Doctor medicine = doctorWithFees();
        Doctor surgery = doctorWithFees();
        price("LAB", "718-7", "Haemoglobin", "350");
        String dressing = "DRESS" + unique();
        price("PROCEDURE", dressing, "Wound dressing", "1000");
        String xray = "XRAY" + unique();
        price("IMAGING", xray, "X-ray chest PA", "600");
        String cashierA = newStaff(Role.BILLING);
        String cashierB = newStaff(Role.BILLING);
        String admin = credentials(Role.ADMIN);

        List<Sale> open = new ArrayList<>();
        int n = 0;
        for (int d = 0; d < DAYS; d++) {
            clock.advanceTo(at(days.get(d), "09:00"));
            // Part of what earlier days left due is paid today (a partial payment settled on a later day).
            for (Sale sale : List.copyOf(open)) {
                clock.advance(Duration.ofMinutes(3));
                if (sale.due.signum() > 0 && open.indexOf(sale) % 2 == 0) {
                    BigDecimal part = d == DAYS - 1 ? sale.due : half(sale.due);
                    pay(cashierB, sale.invoiceId, "CASH", part.toPlainString());
                    sale.due = sale.due.subtract(part);
                    if (sale.due.signum() == 0) {
                        open.remove(sale);
                    }
                }
            }
            for (int k = 0; k < INVOICES_A_DAY; k++, n++) {
                clock.advance(Duration.ofMinutes(7));
                Sale sale = k < 4
                        ? encounterSale(k % 2 == 0 ? medicine : surgery)
                        : counterSale(k, medicine, dressing, xray);
                BigDecimal gross = sale.due;
                if (n % 5 == 0) {
                    discount(cashierA, sale, gross, "5", "staff family");
                } else if (n % 5 == 2) {
                    discount(admin, sale, gross, "20", "hardship");
                }
                if (n % 13 == 7) {
                    discount(cashierA, sale, gross, "10", "staff family");
                    discount(admin, sale, gross, "25", "hardship review");
                }
                clock.advance(Duration.ofMinutes(2));
                switch (n % 6) {
                    case 0 -> settle(sale, pay(cashierA, sale.invoiceId, "CASH", sale.due.toPlainString()));
                    case 1 -> {
                        BigDecimal part = half(sale.due);
                        settle(
                                sale,
                                pay(cashierB, sale.invoiceId, "CARD", part.toPlainString(), "reference", "POS-" + n));
                        open.add(sale);
                    }
                    case 2 ->
                        settle(
                                sale,
                                pay(
                                        cashierA,
                                        sale.invoiceId,
                                        "BKASH",
                                        sale.due.toPlainString(),
                                        "reference",
                                        "BK" + unique()));
                    case 3 -> {
                        data(post(cashierA, ISSUE, Map.of("input", map("invoiceId", sale.invoiceId))));
                        if (n == 9) {
                            correct(admin, CREDIT, sale.invoiceId, "200", "lab test not done");
                            sale.due = sale.due.subtract(new BigDecimal("200"));
                        }
                        if (n == 21) {
                            correct(admin, VOID, sale.invoiceId, null, "duplicate");
                        } else {
                            open.add(sale);
                        }
                    }
                    case 4 -> {
                        if (n == 10) {
                            correct(admin, VOID, sale.invoiceId, null, "entered twice");
                        } else if (n == 16) {
                            data(post(
                                    cashierA,
                                    RECEIVE_DEPOSIT,
                                    Map.of(
                                            "input",
                                            map("patientId", sale.patientId, "method", "CASH", "amount", "2000"))));
                            data(post(
                                    cashierA,
                                    PAY_FROM_DEPOSIT,
                                    Map.of(
                                            "input",
                                            map("invoiceId", sale.invoiceId, "amount", sale.due.toPlainString()))));
                        } else {
                            open.add(sale); // left a draft: drafts are receivables too
                        }
                    }
                    default -> {
                        settle(sale, pay(cashierB, sale.invoiceId, "CASH", sale.due.toPlainString()));
                        data(post(
                                admin,
                                REFUND,
                                Map.of(
                                        "input",
                                        map(
                                                "invoiceId",
                                                sale.invoiceId,
                                                "method",
                                                n % 12 == 5 ? "BKASH" : "CASH",
                                                "amount",
                                                "100",
                                                "reason",
                                                "overcharged"))));
                    }
                }
            }
        }
        awaitCaughtUp(FinanceReportProjector.PROCESSING_GROUP);

        Billing billing = billingEvents();
        LocalDate last = days.get(DAYS - 1);
        Map<String, Object> all = map("from", first.toString(), "to", last.toString());
        JsonNode report = report(credentials(Role.ADMIN), all);
        Map<String, String> expected = billing.figures(first, last, null, null);
        assertThat(flatten(report)).isEqualTo(expected);
        assertThat(report.at("/totals/invoiced/currency").asText()).isEqualTo("BDT");
        assertThat(report.at("/discounts/byUser").size()).isGreaterThanOrEqualTo(2);
        assertThat(report.at("/refunds/count").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(expected.keySet().stream().filter(k -> k.startsWith("bucket:")))
                .as("every age bucket has invoices in it")
                .hasSize(4)
                .allMatch(k -> !expected.get(k).startsWith("invoices=0 "));

        Map<String, Object> department =
                map("from", first.toString(), "to", last.toString(), "departmentId", medicine.departmentId());
        JsonNode medicineReport = report(credentials(Role.AUDITOR), department);
        assertThat(flatten(medicineReport)).isEqualTo(billing.figures(first, last, medicine.departmentId(), null));
        assertThat(medicineReport.get("deposits").isNull())
                .as("deposits belong to no department")
                .isTrue();
        Map<String, Object> practitioner =
                map("from", first.toString(), "to", last.toString(), "practitionerId", surgery.practitionerId());
        assertThat(flatten(report(cashierA, practitioner)))
                .isEqualTo(billing.figures(first, last, null, surgery.practitionerId()));
        LocalDate third = days.get(2);
        Map<String, Object> earlier = map("from", days.get(1).toString(), "to", third.toString());
        JsonNode asOfThird = report(credentials(Role.ADMIN), earlier);
        assertThat(flatten(asOfThird)).isEqualTo(billing.figures(days.get(1), third, null, null));
        assertThat(asOfThird.at("/receivables/outstanding/amount"))
                .as("later payments do not count in an earlier day's receivables")
                .isNotEqualTo(report.at("/receivables/outstanding/amount"));

        // The CSV exports are the same figures.
        String query = "?from=" + first + "&to=" + last;
        List<CSVRecord> revenue = csv("/reports/finance/revenue.csv" + query, credentials(Role.ADMIN));
        assertThat(sum(revenue, "invoiced")).isEqualByComparingTo(amount(report, "/totals/invoiced/amount"));
        assertThat(sum(revenue, "collected")).isEqualByComparingTo(amount(report, "/totals/collected/amount"));
        assertThat(revenue.stream()
                        .mapToInt(r -> Integer.parseInt(r.get("invoices")))
                        .sum())
                .isEqualTo(report.at("/totals/invoices").asInt());
        List<CSVRecord> payments = csv("/reports/finance/payments.csv" + query, credentials(Role.AUDITOR));
        for (JsonNode method : report.get("byPaymentMethod")) {
            String m = method.get("method").asText();
            assertThat(sum(
                            payments,
                            "amount",
                            r -> r.get("method").equals(m) && r.get("kind").equals("PAYMENT")))
                    .isEqualByComparingTo(amount(method, "/received/amount"));
            assertThat(sum(
                            payments,
                            "amount",
                            r -> r.get("method").equals(m) && r.get("kind").equals("REFUND")))
                    .isEqualByComparingTo(amount(method, "/refunded/amount"));
        }
        assertThat(payments)
                .as("provider references masked to their last four characters")
                .allMatch(
                        r -> r.get("reference").isEmpty() || r.get("reference").matches("\\*{4}.{0,4}"))
                .anyMatch(r -> r.get("reference").equals("****OS-1"))
                .allMatch(r -> !r.get("cashier").isEmpty());
        List<CSVRecord> discounts = csv("/reports/finance/discounts.csv" + query, credentials(Role.ADMIN));
        assertThat(discounts).hasSize(report.at("/discounts/count").asInt());
        assertThat(sum(discounts, "amount")).isEqualByComparingTo(amount(report, "/discounts/amount/amount"));
        List<CSVRecord> receivables = csv("/reports/finance/receivables.csv" + query, cashierB);
        assertThat(receivables).hasSize(report.at("/receivables/invoices").asInt());
        for (JsonNode bucket : report.at("/receivables/buckets")) {
            String b = bucket.get("bucket").asText();
            assertThat(sum(receivables, "outstanding", r -> r.get("bucket").equals(b)))
                    .isEqualByComparingTo(amount(bucket, "/outstanding/amount"));
        }
        assertThat(receivables).allMatch(r -> r.get("invoice_number").matches("INV-\\d{4}-\\d{6}"));

        // A rebuild from the event store gives the same rows (ids and times from the events).
        JsonNode replay = finishedReplayCheck(startReplayCheck(
                credentials(Role.AUDITOR), List.of(FinanceReportProjector.PROCESSING_GROUP), "finance-" + unique()));
        assertThat(replay.get("status").asText()).as(replay.toString()).isEqualTo("CONSISTENT");
        assertThat(replay.at("/readModels/0/eventsReplayed").asLong()).isPositive();
        assertThat(replay.at("/readModels/0/tables").findValuesAsText("table"))
                .containsExactlyInAnyOrder(
                        "report_finance_invoice",
                        "report_finance_line",
                        "report_finance_discount",
                        "report_finance_entry");
    }

    @Test
    void onlyManagersAuditorsAndCashiersReadItAndABadFilterIsRefused() {
        Map<String, Object> filter = map("from", "2026-01-01", "to", "2026-01-31");
        for (Role role : List.of(Role.RECEPTIONIST, Role.DOCTOR)) {
            JsonNode refused = json(post(credentials(role), REPORT, Map.of("f", filter)));
            assertThat(error(refused)).as(role.name()).isEqualTo("FORBIDDEN");
            assertThat(status("/reports/finance/payments.csv?from=2026-01-01&to=2026-01-31", credentials(role))
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(report(credentials(Role.BILLING), filter)
                        .at("/totals/invoices")
                        .isInt())
                .isTrue();

        JsonNode backwards =
                json(post(credentials(Role.ADMIN), REPORT, Map.of("f", map("from", "2026-02-01", "to", "2026-01-01"))));
        assertThat(error(backwards)).isEqualTo("VALIDATION");
        JsonNode badDepartment = json(post(
                credentials(Role.ADMIN),
                REPORT,
                Map.of("f", map("from", "2026-01-01", "to", "2026-01-02", "departmentId", "not-an-id"))));
        assertThat(error(badDepartment)).isEqualTo("VALIDATION");
        for (String export : List.of("revenue", "payments", "discounts", "receivables")) {
            HttpResponse<String> response = status(
                    "/reports/finance/" + export + ".csv?from=2026-02-01&to=2026-01-01", credentials(Role.ADMIN));
            assertThat(response.statusCode()).as(export).isEqualTo(400);
            assertThat(response.body()).contains("\"code\":\"VALIDATION\"");
        }
        HttpResponse<String> foreign = status(
                "/reports/finance/revenue.csv?from=2026-01-01&to=2026-01-02&facility=ELSEWHERE",
                credentials(Role.ADMIN));
        assertThat(foreign.statusCode()).isEqualTo(400);
    }

    // --- the scenario's steps ---

    private Sale encounterSale(Doctor doctor) {
        String patient = registeredPatient();
        String invoice = invoiceOf(signedEncounterWithHaemoglobin(doctor, patient));
        JsonNode draft = awaitInvoice(invoice, i -> true);
        return new Sale(
                invoice, patient, new BigDecimal(draft.at("/total/amount").asText()));
    }

    private Sale counterSale(int k, Doctor medicine, String dressing, String xray) {
        String patient = registeredPatient();
        Map<String, Object> charge = k % 2 == 0
                ? map("category", "PROCEDURE", "code", dressing)
                : map("category", "IMAGING", "code", xray, "quantity", 2);
        Map<String, Object> input = map(
                "patientId",
                patient,
                "departmentId",
                k % 3 == 0 ? medicine.departmentId() : null,
                "charges",
                List.of(charge));
        JsonNode created = data(post(credentials(Role.BILLING), COUNTER_INVOICE, Map.of("input", input)))
                .get("createCounterInvoice");
        return new Sale(
                created.get("invoiceId").asText(),
                patient,
                new BigDecimal(created.at("/total/amount").asText()));
    }

    private void discount(String who, Sale sale, BigDecimal gross, String percent, String reason) {
        data(post(
                who,
                DISCOUNT,
                Map.of("input", map("invoiceId", sale.invoiceId, "percent", percent, "reason", reason))));
        BigDecimal off =
                gross.multiply(new BigDecimal(percent)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        sale.due = gross.subtract(off);
    }

    private void correct(String who, String mutation, String invoice, String amount, String reason) {
        data(post(who, mutation, Map.of("input", map("invoiceId", invoice, "amount", amount, "reason", reason))));
    }

    private static void settle(Sale sale, JsonNode payment) {
        assertThat(payment.at("/data/recordPayment/paymentId").isTextual())
                .as(payment.toString())
                .isTrue();
        sale.due = new BigDecimal(
                payment.at("/data/recordPayment/balanceDue/amount").asText());
    }

    private static BigDecimal half(BigDecimal amount) {
        return amount.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
    }

    private JsonNode report(String credentials, Map<String, Object> filter) {
        return data(post(credentials, REPORT, Map.of("f", filter))).get("financeReport");
    }

    private HttpResponse<String> status(String path, String credentials) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), credentials);
    }

    // --- the report as flat figures, to compare with the events' ---

    private static Map<String, String> flatten(JsonNode r) {
        Map<String, String> flat = new TreeMap<>();
        flat.put("totals", revenue(r.get("totals")));
        r.get("byDepartment").forEach(g -> flat.put("department:" + text(g, "departmentId"), revenue(g)));
        r.get("byPractitioner").forEach(g -> flat.put("practitioner:" + text(g, "practitionerId"), revenue(g)));
        r.get("byService")
                .forEach(s -> flat.put(
                        "service:" + s.get("category").asText() + ":" + text(s, "code"),
                        "quantity=" + s.get("quantity").asInt() + " invoices="
                                + s.get("invoices").asInt() + " net="
                                + s.at("/net/amount").asText() + " tax="
                                + s.at("/tax/amount").asText() + " total="
                                + s.at("/total/amount").asText()));
        r.get("byPaymentMethod").forEach(m -> {
            assertThat(amount(m, "/net/amount"))
                    .isEqualByComparingTo(amount(m, "/received/amount").subtract(amount(m, "/refunded/amount")));
            flat.put(
                    "method:" + m.get("method").asText(),
                    "payments=" + m.get("payments").asInt() + " received="
                            + m.at("/received/amount").asText()
                            + " refunds=" + m.get("refunds").asInt() + " refunded="
                            + m.at("/refunded/amount").asText());
        });
        JsonNode deposits = r.get("deposits");
        flat.put("deposits", deposits.isNull() ? "none" : counted(deposits));
        if (!deposits.isNull()) {
            deposits.get("byMethod")
                    .forEach(m -> flat.put("deposit:" + m.get("method").asText(), counted(m)));
        }
        flat.put("discounts", counted(r.get("discounts")));
        r.at("/discounts/byUser")
                .forEach(u -> flat.put("discountBy:" + text(u, "username") + ":" + text(u, "role"), counted(u)));
        r.at("/discounts/byReason").forEach(u -> flat.put("discountFor:" + text(u, "reason"), counted(u)));
        flat.put("refunds", counted(r.get("refunds")));
        r.at("/refunds/byMethod")
                .forEach(m -> flat.put("refund:" + m.get("method").asText(), counted(m)));
        JsonNode ageing = r.get("receivables");
        flat.put(
                "receivables",
                "asOf=" + ageing.get("asOf").asText() + " invoices="
                        + ageing.get("invoices").asInt() + " outstanding="
                        + ageing.at("/outstanding/amount").asText());
        ageing.get("buckets")
                .forEach(b -> flat.put(
                        "bucket:" + b.get("bucket").asText(),
                        "invoices=" + b.get("invoices").asInt() + " outstanding="
                                + b.at("/outstanding/amount").asText()));
        return flat;
    }

    private static String revenue(JsonNode g) {
        return "invoices=" + g.get("invoices").asInt() + " invoiced="
                + g.at("/invoiced/amount").asText() + " collected="
                + g.at("/collected/amount").asText();
    }

    private static String counted(JsonNode g) {
        return "count=" + g.get("count").asInt() + " amount="
                + g.at("/amount/amount").asText();
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).isNull() ? "null" : node.get(field).asText();
    }

    private static BigDecimal amount(JsonNode node, String pointer) {
        return new BigDecimal(node.at(pointer).asText());
    }

    private static BigDecimal sum(List<CSVRecord> rows, String column) {
        return sum(rows, column, r -> true);
    }

    private static BigDecimal sum(List<CSVRecord> rows, String column, Predicate<CSVRecord> which) {
        return rows.stream()
                .filter(which)
                .map(r -> new BigDecimal(r.get(column)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // --- the same figures, straight from the stored billing events ---

    private static final class Invoice {
        UUID department;
        UUID practitioner;
        LocalDate generated;
        BigDecimal gross = BigDecimal.ZERO;
        List<InvoiceCharge> charges;
        List<ChargeDetail> details;
        LocalDate issued;
        BigDecimal issuedTotal;
        LocalDate voided;
        final List<Discount> discounts = new ArrayList<>();
    }

    private record Discount(LocalDate day, BigDecimal amount, String user, String role, String reason) {}

    private record Move(String kind, UUID invoice, String method, BigDecimal amount, LocalDate day) {}

    private final class Billing {
        final Map<UUID, Invoice> invoices = new LinkedHashMap<>();
        final List<Move> moves = new ArrayList<>();

        Map<String, String> figures(LocalDate from, LocalDate to, String department, String practitioner) {
            Predicate<Invoice> place = i -> (department == null || Objects.equals(str(i.department), department))
                    && (practitioner == null || Objects.equals(str(i.practitioner), practitioner));
            Map<String, String> flat = new TreeMap<>();
            Map<String, BigDecimal[]> byDepartment = new HashMap<>();
            Map<String, BigDecimal[]> byPractitioner = new HashMap<>();
            BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            Map<String, BigDecimal[]> services = new TreeMap<>();
            Map<String, java.util.Set<UUID>> serviceInvoices = new HashMap<>();
            invoices.forEach((id, i) -> {
                if (i.issued == null || i.voided != null || !place.test(i) || !within(i.issued, from, to)) {
                    return;
                }
                BigDecimal credited = moves.stream()
                        .filter(m -> m.kind().equals("CREDIT") && m.invoice().equals(id))
                        .map(Move::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal invoiced = i.issuedTotal.subtract(credited);
                for (BigDecimal[] g : List.of(
                        group(byDepartment, str(i.department)), group(byPractitioner, str(i.practitioner)), totals)) {
                    g[0] = g[0].add(BigDecimal.ONE);
                    g[1] = g[1].add(invoiced);
                }
                for (InvoiceCharge c : i.charges) {
                    String code = null;
                    if (i.details != null) {
                        code = i.details.stream()
                                .filter(dt -> dt != null && dt.chargeKey().equals(c.chargeKey()))
                                .map(ChargeDetail::code)
                                .findFirst()
                                .orElse(null);
                    }
                    String key = "service:" + c.category() + ":" + code;
                    BigDecimal[] s = services.computeIfAbsent(key, k ->
                            new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                    s[0] = s[0].add(BigDecimal.valueOf(c.quantity()));
                    s[1] = s[1].add(c.net().amount());
                    s[2] = s[2].add(c.tax().amount());
                    s[3] = s[3].add(c.total().amount());
                    serviceInvoices
                            .computeIfAbsent(key, k -> new java.util.HashSet<>())
                            .add(id);
                }
            });
            Map<String, BigDecimal[]> methods = new TreeMap<>();
            Map<String, BigDecimal[]> deposits = new TreeMap<>();
            Map<String, BigDecimal[]> refunds = new TreeMap<>();
            for (Move m : moves) {
                if (!within(m.day(), from, to) || m.kind().equals("CREDIT")) {
                    continue;
                }
                if (m.kind().equals("DEPOSIT")) {
                    count(deposits, m.method(), m.amount());
                    continue;
                }
                Invoice i = invoices.get(m.invoice());
                if (!place.test(i)) {
                    continue;
                }
                boolean refund = m.kind().equals("REFUND");
                BigDecimal signed = refund ? m.amount().negate() : m.amount();
                for (BigDecimal[] g : List.of(
                        group(byDepartment, str(i.department)), group(byPractitioner, str(i.practitioner)), totals)) {
                    g[2] = g[2].add(signed);
                }
                BigDecimal[] method = methods.computeIfAbsent(m.method(), k ->
                        new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                int at = refund ? 2 : 0;
                method[at] = method[at].add(BigDecimal.ONE);
                method[at + 1] = method[at + 1].add(m.amount());
                if (refund) {
                    count(refunds, m.method(), m.amount());
                }
            }
            flat.put("totals", revenue(totals));
            byDepartment.forEach((k, g) -> flat.put("department:" + k, revenue(g)));
            byPractitioner.forEach((k, g) -> flat.put("practitioner:" + k, revenue(g)));
            services.forEach((k, s) -> flat.put(
                    k,
                    "quantity=" + s[0].intValue() + " invoices="
                            + serviceInvoices.get(k).size() + " net=" + money(s[1]) + " tax=" + money(s[2]) + " total="
                            + money(s[3])));
            methods.forEach((k, m) -> flat.put(
                    "method:" + k,
                    "payments=" + m[0].intValue() + " received=" + money(m[1]) + " refunds=" + m[2].intValue()
                            + " refunded=" + money(m[3])));
            boolean facilityWide = department == null && practitioner == null;
            flat.put("deposits", facilityWide ? counted(deposits) : "none");
            if (facilityWide) {
                deposits.forEach((k, v) -> flat.put("deposit:" + k, counted(v)));
            }
            flat.put("refunds", counted(refunds));
            refunds.forEach((k, v) -> flat.put("refund:" + k, counted(v)));

            Map<String, BigDecimal[]> byUser = new TreeMap<>();
            Map<String, BigDecimal[]> byReason = new TreeMap<>();
            invoices.values().forEach(i -> {
                if (i.voided != null || i.discounts.isEmpty() || !place.test(i)) {
                    return;
                }
                Discount last = i.discounts.get(i.discounts.size() - 1);
                if (within(last.day(), from, to)) {
                    count(byUser, last.user() + ":" + last.role(), last.amount());
                    count(byReason, last.reason(), last.amount());
                }
            });
            flat.put("discounts", counted(byUser));
            byUser.forEach((k, v) -> flat.put("discountBy:" + k, counted(v)));
            byReason.forEach((k, v) -> flat.put("discountFor:" + k, counted(v)));

            int[] counts = new int[4];
            BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
            invoices.forEach((id, i) -> {
                if (!place.test(i) || i.generated.isAfter(to) || (i.voided != null && !i.voided.isAfter(to))) {
                    return;
                }
                BigDecimal discount = BigDecimal.ZERO;
                for (Discount given : i.discounts) {
                    if (!given.day().isAfter(to)) {
                        discount = given.amount();
                    }
                }
                BigDecimal due = i.gross.subtract(discount);
                for (Move m : moves) {
                    if (id.equals(m.invoice()) && !m.day().isAfter(to)) {
                        due = m.kind().equals("REFUND") ? due.add(m.amount()) : due.subtract(m.amount());
                    }
                }
                if (due.signum() > 0) {
                    long age = ChronoUnit.DAYS.between(i.generated, to);
                    int bucket = age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3;
                    counts[bucket]++;
                    sums[bucket] = sums[bucket].add(due);
                }
            });
            String[] labels = {"0-30", "31-60", "61-90", "over 90"};
            BigDecimal outstanding = BigDecimal.ZERO;
            for (int b = 0; b < 4; b++) {
                flat.put("bucket:" + labels[b], "invoices=" + counts[b] + " outstanding=" + money(sums[b]));
                outstanding = outstanding.add(sums[b]);
            }
            flat.put(
                    "receivables",
                    "asOf=" + to + " invoices="
                            + java.util.Arrays.stream(counts).sum() + " outstanding=" + money(outstanding));
            return flat;
        }
    }

    private Billing billingEvents() {
        Billing billing = new Billing();
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            stream.forEach(event -> {
                Object payload = event.getPayload();
                LocalDate day = event.getTimestamp().atZone(DHAKA).toLocalDate();
                String user = (String) event.getMetaData().get(MetadataKeys.USERNAME);
                if (payload instanceof InvoiceGenerated g) {
                    Invoice i = new Invoice();
                    i.department =
                            g.departmentId() == null ? null : g.departmentId().value();
                    i.practitioner = g.practitionerId() == null
                            ? null
                            : g.practitionerId().value();
                    i.generated = day;
                    i.charges = g.charges();
                    i.details = g.details();
                    for (InvoiceCharge c : g.charges()) {
                        i.gross = i.gross.add(c.total().amount());
                    }
                    billing.invoices.putIfAbsent(g.invoiceId().value(), i);
                } else if (payload instanceof InvoiceDiscounted d) {
                    billing.invoices
                            .get(d.invoiceId().value())
                            .discounts
                            .add(new Discount(
                                    day,
                                    d.amount().amount(),
                                    user,
                                    (String) event.getMetaData().get(MetadataKeys.ROLE),
                                    d.reason() == null ? null : d.reason().strip()));
                } else if (payload instanceof InvoiceIssued issued) {
                    Invoice i = billing.invoices.get(issued.invoiceId().value());
                    i.issued = day;
                    i.issuedTotal = issued.total().amount();
                } else if (payload instanceof InvoiceVoided voided) {
                    billing.invoices.get(voided.invoiceId().value()).voided = day;
                } else if (payload instanceof CreditNoteIssued c) {
                    billing.moves.add(new Move(
                            "CREDIT", c.invoiceId().value(), null, c.amount().amount(), day));
                } else if (payload instanceof PaymentRecorded p) {
                    billing.moves.add(new Move(
                            "PAYMENT",
                            p.invoiceId().value(),
                            p.method().name(),
                            p.amount().amount(),
                            localDay(p.paidAt() == null ? event.getTimestamp() : p.paidAt())));
                } else if (payload instanceof PaymentRefunded r) {
                    billing.moves.add(new Move(
                            "REFUND",
                            r.invoiceId().value(),
                            r.method().name(),
                            r.amount().amount(),
                            day));
                } else if (payload instanceof DepositReceived d) {
                    billing.moves.add(new Move(
                            "DEPOSIT",
                            null,
                            d.method().name(),
                            d.amount().amount(),
                            localDay(d.receivedAt() == null ? event.getTimestamp() : d.receivedAt())));
                }
            });
        }
        return billing;
    }

    private static BigDecimal[] group(Map<String, BigDecimal[]> groups, String key) {
        return groups.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
    }

    private static void count(Map<String, BigDecimal[]> groups, String key, BigDecimal amount) {
        BigDecimal[] g = groups.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        g[0] = g[0].add(BigDecimal.ONE);
        g[1] = g[1].add(amount);
    }

    private static String revenue(BigDecimal[] g) {
        return "invoices=" + g[0].intValue() + " invoiced=" + money(g[1]) + " collected=" + money(g[2]);
    }

    private static String counted(Map<String, BigDecimal[]> groups) {
        BigDecimal[] total = {BigDecimal.ZERO, BigDecimal.ZERO};
        groups.values().forEach(g -> {
            total[0] = total[0].add(g[0]);
            total[1] = total[1].add(g[1]);
        });
        return counted(total);
    }

    private static String counted(BigDecimal[] g) {
        return "count=" + g[0].intValue() + " amount=" + money(g[1]);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String str(UUID id) {
        return id == null ? "null" : id.toString();
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static LocalDate localDay(Instant at) {
        return at.atZone(DHAKA).toLocalDate();
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(DHAKA).toInstant();
    }
}
