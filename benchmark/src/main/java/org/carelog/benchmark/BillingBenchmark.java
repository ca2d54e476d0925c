package org.carelog.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Billing benchmark (not a test): {@code -Dencounters} signed encounters (open, diagnose, sign, each with one
 * lab order) by {@code -Dsigners} doctors' requests at once, and how fast their invoices are generated; payments
 * across {@code -Dinvoices} counter invoices at each {@code -Dconcurrency} (closed loop, one cashier); then the
 * cashier's cash book for the day once it holds at least {@code -DcashBookPayments} payments. Run with
 * {@code java -Dscenario=billing -jar benchmark/target/benchmark.jar}; see docs/PERFORMANCE.md, "Billing".
 */
final class BillingBenchmark {

    static final String CASH_BOOK_SUMMARY = "query($d: Date!) { cashBook(date: $d) { opening { amount }"
            + " received { amount } refunded { amount } closing { amount } byMethod { method net { amount } } } }";
    static final String CASH_BOOK_ENTRIES = "query($d: Date!) { cashBook(date: $d) { closing { amount }"
            + " entries { id invoiceNumber kind method amount { amount } at } } }";
    static final String PAY = "mutation($input: RecordPaymentInput!) { recordPayment(input: $input) {"
            + " paymentId balanceDue { amount } } }";

    private BillingBenchmark() {}

    static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        int encounters = Integer.getInteger("encounters", 300);
        int signers = Integer.getInteger("signers", 8);
        int invoices = Integer.getInteger("invoices", 500);
        int cashBookPayments = Integer.getInteger("cashBookPayments", 10_000);
        int cashBookReads = Integer.getInteger("cashBookReads", 200);
        Path work = settings.output().toAbsolutePath().getParent();
        Files.createDirectories(work);
        CarelogProcess carelog = CarelogProcess.start(settings, work);
        StringBuilder report = new StringBuilder("# Billing benchmark\n\n");
        try {
            carelog.awaitReady(settings.startTimeoutSeconds());
            GraphQlClient admin = GraphQlClient.signIn(carelog.baseUrl(), "admin", carelog.adminPassword);
            ChartBenchmark.Staff staff = ChartBenchmark.Staff.create(carelog, admin);
            GraphQlClient cashier = account(carelog, admin, "bench-cashier", "BILLING");
            check(admin.post(
                    "mutation($input: SetConsultationFeesInput!) { setConsultationFees(input: $input) { key } }",
                    Map.of(
                            "input",
                            Map.of(
                                    "practitionerId",
                                    staff.practitionerId(),
                                    "newVisit",
                                    "800",
                                    "followUp",
                                    "500",
                                    "followUpDays",
                                    30,
                                    "freeRevisitDays",
                                    7))));
            price(admin, "LAB", "718-7", "Haemoglobin", "350");
            price(admin, "SERVICE", "BENCH", "Bench service", "1000000");
            report.append("Carelog: `")
                    .append(String.join(" ", carelog.command))
                    .append("`\n\n");

            // 1. Signed encounters -> invoices.
            List<String> patients = new ArrayList<>();
            Patients people = new Patients();
            for (int i = 0; i < Math.min(encounters, 100); i++) {
                patients.add(check(staff.reception()
                                .post(
                                        "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) {"
                                                + " patientId } }",
                                        Map.of("input", people.next())))
                        .at("/data/registerPatient/patientId")
                        .asText());
            }
            List<String> opened = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(signers);
            List<Future<String>> openings = new ArrayList<>();
            for (int i = 0; i < encounters; i++) {
                String patient = patients.get(i % patients.size());
                openings.add(pool.submit(() -> openOrderAndDiagnose(staff.doctor(), patient)));
            }
            for (Future<String> f : openings) {
                opened.add(f.get());
            }
            long signStart = System.nanoTime();
            List<Future<Long>> signings = new ArrayList<>();
            for (String encounter : opened) {
                signings.add(pool.submit(() -> {
                    check(staff.doctor()
                            .post(
                                    "mutation($input: SignEncounterInput!) { signEncounter(input: $input) {"
                                            + " encounterId } }",
                                    Map.of("input", Map.of("encounterId", encounter))));
                    return System.nanoTime();
                }));
            }
            long lastSigned = 0;
            for (Future<Long> f : signings) {
                lastSigned = Math.max(lastSigned, f.get());
            }
            double signSeconds = (lastSigned - signStart) / 1e9;
            long generated = awaitInvoices(cashier, opened);
            double generateSeconds = (generated - signStart) / 1e9;
            report.append("## Invoices generated from signed encounters\n\n")
                    .append(String.format(
                            "%d encounters (consultation + one lab test each) signed by %d concurrent requests in %.2f s"
                                    + " (%.0f signatures/s); the last of their %d invoices was readable %.2f s after the"
                                    + " first signature: **%.0f invoices/s** end to end, %.0f ms after the last"
                                    + " signature.%n%n",
                            encounters,
                            signers,
                            signSeconds,
                            encounters / signSeconds,
                            encounters,
                            generateSeconds,
                            encounters / generateSeconds,
                            (generated - lastSigned) / 1e6));
            System.out.println(report);

            // 2. Payments across counter invoices.
            List<Future<String>> creations = new ArrayList<>();
            for (int i = 0; i < invoices; i++) {
                String patient = patients.get(i % patients.size());
                creations.add(pool.submit(() -> check(cashier.post(
                                "mutation($input: CreateCounterInvoiceInput!) { createCounterInvoice(input: $input) {"
                                        + " invoiceId } }",
                                Map.of(
                                        "input",
                                        Map.of(
                                                "patientId",
                                                patient,
                                                "charges",
                                                List.of(Map.of("category", "SERVICE", "code", "BENCH"))))))
                        .at("/data/createCounterInvoice/invoiceId")
                        .asText()));
            }
            List<String> invoiceIds = new ArrayList<>();
            for (Future<String> f : creations) {
                invoiceIds.add(f.get());
            }
            pool.shutdown();
            report.append("## Payments across ")
                    .append(invoices)
                    .append(" invoices (one cashier, cash, 1 taka each; closed loop, ")
                    .append(settings.durationSeconds())
                    .append(" s after ")
                    .append(settings.warmupSeconds())
                    .append(" s warm-up)\n\n| clients | payments/s | p50 ms | p99 ms | max ms | errors |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (int clients : settings.concurrencies()) {
                Recorder.Summary s = ClosedLoop.run(
                        clients,
                        settings.warmupSeconds(),
                        settings.durationSeconds(),
                        () -> () -> pay(cashier, invoiceIds),
                        null);
                report.append(String.format(
                        "| %d | %.0f | %.1f | %.1f | %.1f | %s |%n",
                        clients,
                        s.perSecond(),
                        s.p50Millis(),
                        s.p99Millis(),
                        s.maxMillis(),
                        s.errors() == 0 ? "0" : s.errorKinds()));
                System.out.println(report);
            }

            // 3. The cash book of a day with at least cashBookPayments payments.
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Dhaka"));
            int entries = awaitCashBook(cashier, today, 0);
            if (entries < cashBookPayments) {
                ExecutorService topUp = Executors.newFixedThreadPool(settings.peakConcurrency());
                List<Future<String>> more = new ArrayList<>();
                for (int i = entries; i < cashBookPayments; i++) {
                    more.add(topUp.submit(() -> pay(cashier, invoiceIds)));
                }
                for (Future<String> f : more) {
                    f.get();
                }
                topUp.shutdown();
                entries = awaitCashBook(cashier, today, cashBookPayments);
            }
            report.append("\n## Cash book of one cashier's day with ")
                    .append(entries)
                    .append(" payments (")
                    .append(cashBookReads)
                    .append(" sequential reads)\n\n| query | p50 ms | p99 ms | max ms | response bytes |\n")
                    .append("|---|---|---|---|---|\n");
            for (String[] query : List.of(
                    new String[] {"totals and by method", CASH_BOOK_SUMMARY},
                    new String[] {"every entry", CASH_BOOK_ENTRIES})) {
                long[] times = new long[cashBookReads];
                int bytes = 0;
                for (int i = 0; i < cashBookReads; i++) {
                    long start = System.nanoTime();
                    JsonNode body = check(cashier.post(query[1], Map.of("d", today.toString())));
                    times[i] = System.nanoTime() - start;
                    bytes = body.toString().getBytes(StandardCharsets.UTF_8).length;
                }
                Arrays.sort(times);
                report.append(String.format(
                        "| %s | %.1f | %.1f | %.1f | %d |%n",
                        query[0],
                        times[cashBookReads / 2] / 1e6,
                        times[Math.max(0, (int) Math.ceil(0.99 * cashBookReads) - 1)] / 1e6,
                        times[cashBookReads - 1] / 1e6,
                        bytes));
            }
        } finally {
            carelog.close();
            carelog.deleteDataDirectory();
        }
        System.out.println(report);
        Files.writeString(work.resolve("billing-benchmark-results.md"), report);
    }

    private static String openOrderAndDiagnose(GraphQlClient doctor, String patient) throws Exception {
        String encounter = check(doctor.post(
                        "mutation($input: OpenEncounterInput!) { openEncounter(input: $input) { encounterId } }",
                        Map.of("input", Map.of("type", "OUTPATIENT", "patientId", patient))))
                .at("/data/openEncounter/encounterId")
                .asText();
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("patientId", patient);
        order.put("encounterId", encounter);
        order.put("kind", "LAB");
        order.put("code", "718-7");
        order.put("priority", "ROUTINE");
        check(doctor.post(
                "mutation($input: OrderLabTestInput!) { orderLabTest(input: $input) { orderId } }",
                Map.of("input", order)));
        check(doctor.post(
                "mutation($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) { diagnosisId } }",
                Map.of("input", Map.of("encounterId", encounter, "rank", "PRIMARY", "uncodedText", "Anaemia"))));
        return encounter;
    }

    /** Polls for every encounter's invoice (its id is derived from the encounter's); the instant all were readable. */
    private static long awaitInvoices(GraphQlClient cashier, List<String> encounters) throws Exception {
        for (String encounter : encounters) {
            String invoice = UUID.nameUUIDFromBytes(
                            ("carelog:invoice:encounter:" + encounter).getBytes(StandardCharsets.UTF_8))
                    .toString();
            for (int i = 0; ; i++) {
                JsonNode found =
                        check(cashier.post("query($id: ID!) { invoice(id: $id) { number } }", Map.of("id", invoice)));
                if (!found.at("/data/invoice").isNull()
                        && !found.at("/data/invoice").isMissingNode()) {
                    break;
                }
                if (i > 6000) {
                    throw new IllegalStateException("no invoice for encounter " + encounter);
                }
                TimeUnit.MILLISECONDS.sleep(5);
            }
        }
        return System.nanoTime();
    }

    private static String pay(GraphQlClient cashier, List<String> invoiceIds) throws Exception {
        String invoice = invoiceIds.get(ThreadLocalRandom.current().nextInt(invoiceIds.size()));
        JsonNode body =
                cashier.post(PAY, Map.of("input", Map.of("invoiceId", invoice, "method", "CASH", "amount", "1")));
        return body.has("httpError") ? body.get("httpError").asText() : GraphQlClient.graphQlError(body);
    }

    /** The number of entries in the cashier's book for the day, once at least {@code atLeast} are projected. */
    private static int awaitCashBook(GraphQlClient cashier, LocalDate day, int atLeast) throws Exception {
        for (int i = 0; ; i++) {
            JsonNode book = check(cashier.post(
                    "query($d: Date!) { cashBook(date: $d) { entries { id } } }", Map.of("d", day.toString())));
            int entries = book.at("/data/cashBook/entries").size();
            if (entries >= atLeast || i > 600) {
                return entries;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static void price(GraphQlClient admin, String category, String code, String name, String amount)
            throws Exception {
        check(admin.post(
                "mutation($input: SetPriceInput!) { setPrice(input: $input) { key } }",
                Map.of("input", Map.of("category", category, "code", code, "name", name, "amount", amount))));
    }

    private static GraphQlClient account(CarelogProcess carelog, GraphQlClient admin, String username, String role)
            throws Exception {
        String password = "Billing-bench-" + Long.toHexString(System.nanoTime()) + "-x";
        check(admin.post(
                "mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { user { username } } }",
                Map.of(
                        "input",
                        Map.of(
                                "username",
                                username,
                                "displayName",
                                "Bench " + role,
                                "role",
                                role,
                                "password",
                                password))));
        return GraphQlClient.signIn(carelog.baseUrl(), username, password);
    }

    private static JsonNode check(JsonNode body) {
        String error = body.has("httpError") ? body.get("httpError").asText() : GraphQlClient.graphQlError(body);
        if (error != null) {
            throw new IllegalStateException(error);
        }
        return body;
    }
}
