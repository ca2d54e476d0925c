package org.carelog.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Health record benchmark (not a test): builds one patient with {@code -Dencounters} signed encounters (notes,
 * vital signs, a diagnosis each; every fifth with a prescription, every tenth with a verified lab result) over
 * GraphQL, then measures {@code patientChart} with every section at {@code -Dconcurrency} readers (closed loop),
 * {@code patientChart(asOf:)} reconstructed from the events (sequentially), and the rebuild of every clinical read
 * model from the event store. Run with {@code java -Dscenario=chart -jar benchmark/target/benchmark.jar}; see
 * docs/PERFORMANCE.md, "Health record".
 */
final class ChartBenchmark {

    static final String CHART_FIELDS = "patientId"
            + " patient { mrn displayName }"
            + " encounters { id status openedAt signedAt notes { section text version } diagnoses { code title rank status } }"
            + " vitals { systolic diastolic pulse bmi }"
            + " diagnoses { code title status } activeProblems { code title }"
            + " allergies { allergyId substanceName status }"
            + " prescriptions { prescriptionId signedAt items { genericName frequency } }"
            + " currentMedications { medicine { genericName frequency } }"
            + " labResults { orderId name status abnormal result { value unit flag } }";
    static final String CHART = "query($p: ID!) { patientChart(patientId: $p) { " + CHART_FIELDS + " } }";
    static final String CHART_AS_OF =
            "query($p: ID!, $at: DateTime!) { patientChart(patientId: $p, asOf: $at) { " + CHART_FIELDS + " } }";
    static final List<String> CLINICAL_MODELS = List.of("lab-orders");

    private ChartBenchmark() {}

    static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        int encounters = Integer.getInteger("encounters", 500);
        int asOfReads = Integer.getInteger("asOfReads", 20);
        Path work = settings.output().toAbsolutePath().getParent();
        Files.createDirectories(work);
        CarelogProcess carelog = CarelogProcess.start(settings, work);
        StringBuilder report = new StringBuilder("# Health record benchmark\n\n");
        try {
            carelog.awaitReady(settings.startTimeoutSeconds());
            GraphQlClient admin = GraphQlClient.signIn(carelog.baseUrl(), "admin", carelog.adminPassword);
            Staff staff = Staff.create(carelog, admin);
            String patient = check(staff.reception.post(
                            "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                            Map.of("input", new Patients().next())))
                    .at("/data/registerPatient/patientId")
                    .asText();
            report.append("Carelog: `")
                    .append(String.join(" ", carelog.command))
                    .append("`\n\n");
            long seedStart = System.nanoTime();
            Instant middle = seed(staff, patient, encounters);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long events = awaitCaughtUp(admin);
            report.append(String.format(
                    "Seeded one patient with %d signed encounters in %.0f s; the event store holds %d events.%n%n",
                    encounters, seedSeconds, events));

            JsonNode sample = check(staff.doctor.post(CHART, Map.of("p", patient)));
            report.append(String.format(
                    "One chart: %d encounters, %d vital signs, %d prescriptions, %d lab orders, %d bytes of JSON.%n%n",
                    sample.at("/data/patientChart/encounters").size(),
                    sample.at("/data/patientChart/vitals").size(),
                    sample.at("/data/patientChart/prescriptions").size(),
                    sample.at("/data/patientChart/labResults").size(),
                    sample.toString().length()));

            report.append("## patientChart, every section (closed loop, ")
                    .append(settings.durationSeconds())
                    .append(" s after ")
                    .append(settings.warmupSeconds())
                    .append(
                            " s warm-up)\n\n| readers | charts/s | p50 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|\n");
            for (int readers : settings.concurrencies()) {
                Recorder.Summary s = ClosedLoop.run(
                        readers,
                        settings.warmupSeconds(),
                        settings.durationSeconds(),
                        () -> () -> {
                            JsonNode body = staff.doctor.post(CHART, Map.of("p", patient));
                            return body.has("httpError")
                                    ? body.get("httpError").asText()
                                    : GraphQlClient.graphQlError(body);
                        },
                        null);
                report.append(String.format(
                        "| %d | %.0f | %.1f | %.1f | %.1f | %s |%n",
                        readers,
                        s.perSecond(),
                        s.p50Millis(),
                        s.p99Millis(),
                        s.maxMillis(),
                        s.errors() == 0 ? "0" : s.errorKinds()));
            }

            System.out.println(report);
            report.append("\n## patientChart(asOf:), rebuilt from the events\n\n")
                    .append("| as of | reads | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
            for (Instant at : List.of(middle, Instant.now())) {
                long[] times = new long[asOfReads];
                for (int i = 0; i < asOfReads; i++) {
                    long start = System.nanoTime();
                    check(staff.auditor.post(CHART_AS_OF, Map.of("p", patient, "at", at.toString())));
                    times[i] = System.nanoTime() - start;
                }
                Arrays.sort(times);
                report.append(String.format(
                        "| %s | %d | %.1f | %.1f | %.1f |%n",
                        at == middle ? "half-way through the seeding" : "now (every event)",
                        asOfReads,
                        times[asOfReads / 2] / 1e6,
                        times[Math.max(0, (int) Math.ceil(0.99 * asOfReads) - 1)] / 1e6,
                        times[asOfReads - 1] / 1e6));
            }

            report.append("\n## Rebuilding the clinical read models from the event store\n\n")
                    .append("| read model | events in store | rebuild s | events/s |\n|---|---|---|---|\n");
            System.out.println(report);
            for (String model : clinicalModels(admin)) {
                long start = System.nanoTime();
                check(admin.post(
                        "mutation($n: String!) { rebuildReadModel(input: {name: $n}) { processor { name } } }",
                        Map.of("n", model)));
                String state = awaitRebuilt(admin, model);
                double seconds = (System.nanoTime() - start) / 1e9;
                report.append(
                        state == null
                                ? String.format("| %s | %d | %.2f | %.0f |%n", model, events, seconds, events / seconds)
                                : String.format(
                                        "| %s | %d | not caught up after %.0f s: %s | |%n",
                                        model, events, seconds, state));
                System.out.println(report);
            }
        } finally {
            carelog.close();
            carelog.deleteDataDirectory();
        }
        System.out.println(report);
        Files.writeString(work.resolve("chart-benchmark-results.md"), report);
    }

    /** The accounts the seeding and the readers use. */
    record Staff(
            GraphQlClient reception,
            GraphQlClient doctor,
            GraphQlClient nurse,
            GraphQlClient technician,
            GraphQlClient verifier,
            GraphQlClient auditor,
            String practitionerId) {

        static Staff create(CarelogProcess carelog, GraphQlClient admin) throws Exception {
            String department = check(admin.post(
                            "mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { departmentId } }",
                            Map.of("input", Map.of("code", "CHART", "nameEn", "Medicine", "nameBn", "মেডিসিন"))))
                    .at("/data/createDepartment/departmentId")
                    .asText();
            Map<String, Object> doctor = new LinkedHashMap<>();
            doctor.put("nameEn", "Dr. Bench Rahman");
            doctor.put("nameBn", "ডা. বেঞ্চ রহমান");
            doctor.put("role", "DOCTOR");
            doctor.put(
                    "bmdc",
                    Map.of(
                            "number",
                            "A-54321",
                            "expiresOn",
                            LocalDate.now().plusYears(3).toString()));
            doctor.put("specialty", "Medicine");
            doctor.put("departmentId", department);
            doctor.put("languages", List.of("BN", "EN"));
            doctor.put("qualifications", List.of("MBBS", "FCPS (Medicine)"));
            doctor.put("fees", Map.of("newVisit", "800", "followUp", "500"));
            String practitioner = check(admin.post(
                            "mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) {"
                                    + " practitionerId } }",
                            Map.of("input", doctor)))
                    .at("/data/registerPractitioner/practitionerId")
                    .asText();
            awaitPractitioner(admin, practitioner);
            GraphQlClient reception = account(carelog, admin, "bench-reception", "RECEPTIONIST");
            GraphQlClient doctorClient = account(carelog, admin, "bench-doctor", "DOCTOR");
            check(admin.post(
                    "mutation($input: LinkStaffToPractitionerInput!) { linkStaffToPractitioner(input: $input) {"
                            + " user { username } } }",
                    Map.of("input", Map.of("username", "bench-doctor", "practitionerId", practitioner))));
            return new Staff(
                    reception,
                    doctorClient,
                    account(carelog, admin, "bench-nurse", "NURSE"),
                    account(carelog, admin, "bench-technician", "LAB_TECHNICIAN"),
                    account(carelog, admin, "bench-verifier", "LAB_TECHNICIAN"),
                    account(carelog, admin, "bench-auditor", "AUDITOR"),
                    practitioner);
        }

        private static GraphQlClient account(CarelogProcess carelog, GraphQlClient admin, String username, String role)
                throws Exception {
            String password = "Chart-bench-" + Long.toHexString(System.nanoTime()) + "-x";
            check(admin.post(
                    "mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { user { username } } }",
                    Map.of(
                            "input",
                            Map.of(
                                    "username", username,
                                    "displayName", "Bench " + role,
                                    "role", role,
                                    "password", password))));
            return GraphQlClient.signIn(carelog.baseUrl(), username, password);
        }

        private static void awaitPractitioner(GraphQlClient admin, String practitioner) throws Exception {
            for (int i = 0; i < 300; i++) {
                JsonNode found =
                        admin.post("query($id: ID!) { practitioner(id: $id) { id } }", Map.of("id", practitioner));
                if (!found.at("/data/practitioner").isMissingNode()
                        && !found.at("/data/practitioner").isNull()) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            throw new IllegalStateException("practitioner " + practitioner + " never reached the directory");
        }
    }

    /** Signed encounters, with prescriptions and verified lab results; returns the instant half-way through. */
    private static Instant seed(Staff staff, String patient, int encounters) throws Exception {
        Instant middle = null;
        String[] codes = {"CA40.Z", "BA00.Z", "5A11", "1A00", "CA23.3", "DA42.Z", "8A80.Z", "FA20.Z"};
        for (int i = 0; i < encounters; i++) {
            if (i == encounters / 2) {
                middle = Instant.now();
            }
            String encounter = check(staff.doctor.post(
                            "mutation($input: OpenEncounterInput!) { openEncounter(input: $input) { encounterId } }",
                            Map.of("input", Map.of("type", "OUTPATIENT", "patientId", patient))))
                    .at("/data/openEncounter/encounterId")
                    .asText();
            note(staff.nurse, encounter, "CHIEF_COMPLAINT", "জ্বর ও কাশি " + (i % 7 + 1) + " দিন ধরে");
            vitals(staff.nurse, encounter, i);
            note(staff.doctor, encounter, "ASSESSMENT", "Visit " + i + ": likely viral; review if not better");
            note(staff.doctor, encounter, "PLAN", "Paracetamol, fluids, rest. আবার আসবেন ৭ দিন পরে।");
            check(staff.doctor.post(
                    "mutation($input: RecordDiagnosisInput!) { recordDiagnosis(input: $input) { diagnosisId } }",
                    Map.of(
                            "input",
                            Map.of("encounterId", encounter, "rank", "PRIMARY", "code", codes[i % codes.length]))));
            if (i % 5 == 0) {
                prescribe(staff.doctor, patient, encounter);
            }
            if (i % 10 == 0) {
                labResult(staff, patient, encounter, i);
            }
            check(staff.doctor.post(
                    "mutation($input: SignEncounterInput!) { signEncounter(input: $input) { encounterId } }",
                    Map.of("input", Map.of("encounterId", encounter))));
        }
        return middle;
    }

    private static void note(GraphQlClient who, String encounter, String section, String text) throws Exception {
        check(who.post(
                "mutation($input: WriteClinicalNoteInput!) { writeClinicalNote(input: $input) { version } }",
                Map.of("input", Map.of("encounterId", encounter, "section", section, "text", text))));
    }

    private static void vitals(GraphQlClient nurse, String encounter, int i) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("encounterId", encounter);
        input.put("systolic", 110 + i % 30);
        input.put("diastolic", 70 + i % 15);
        input.put("pulse", 70 + i % 20);
        input.put("temperatureCelsius", 37.0 + (i % 5) / 2.0);
        input.put("spo2", 96 + i % 4);
        input.put("weightKg", 60.0 + (i % 10) / 2.0);
        input.put("heightCm", 165.0);
        check(nurse.post(
                "mutation($input: RecordVitalSignsInput!) { recordVitalSigns(input: $input) { vitalsId } }",
                Map.of("input", input)));
    }

    private static void prescribe(GraphQlClient doctor, String patient, String encounter) throws Exception {
        Map<String, Object> item = new HashMap<>();
        item.put("genericName", "Paracetamol");
        item.put("strength", "500 mg");
        item.put("form", "Tablet");
        item.put("dose", "1");
        item.put("route", "oral");
        item.put("frequency", "1+1+1");
        item.put("timing", "AFTER_MEALS");
        item.put("duration", Map.of("amount", 5, "unit", "DAYS"));
        item.put("instructions", "জ্বর থাকলে খাবেন");
        check(doctor.post(
                "mutation($input: WritePrescriptionInput!) { writePrescription(input: $input) { prescriptionId } }",
                Map.of(
                        "input",
                        Map.of(
                                "patientId",
                                patient,
                                "encounterId",
                                encounter,
                                "items",
                                List.of(item),
                                "advice",
                                "প্রচুর পানি পান করবেন"))));
    }

    private static void labResult(Staff staff, String patient, String encounter, int i) throws Exception {
        String order = check(staff.doctor.post(
                        "mutation($input: OrderLabTestInput!) { orderLabTest(input: $input) { orderId } }",
                        Map.of(
                                "input",
                                Map.of(
                                        "patientId",
                                        patient,
                                        "encounterId",
                                        encounter,
                                        "kind",
                                        "LAB",
                                        "code",
                                        "718-7"))))
                .at("/data/orderLabTest/orderId")
                .asText();
        check(staff.nurse.post(
                "mutation($input: LabOrderActionInput!) { collectLabSample(input: $input) { orderId } }",
                Map.of("input", Map.of("orderId", order, "specimen", "EDTA blood"))));
        check(staff.technician.post(
                "mutation($input: EnterLabResultInput!) { enterLabResult(input: $input) { version } }",
                Map.of(
                        "input",
                        Map.of(
                                "orderId",
                                order,
                                "result",
                                Map.of(
                                        "value", String.valueOf(10 + i % 7),
                                        "unit", "g/dL",
                                        "referenceLow", "12",
                                        "referenceHigh", "16")))));
        check(staff.verifier.post(
                "mutation($input: VerifyLabResultInput!) { verifyLabResult(input: $input) { version } }",
                Map.of("input", Map.of("orderId", order, "version", 1))));
    }

    /** Waits until every read model has caught up; returns the number of events in the store. */
    private static long awaitCaughtUp(GraphQlClient admin) throws Exception {
        for (int i = 0; i < 1200; i++) {
            JsonNode list = check(admin.post("query { eventProcessors { name caughtUp behind position } }", Map.of()))
                    .at("/data/eventProcessors");
            boolean all = true;
            long head = 0;
            for (JsonNode p : list) {
                all &= p.get("caughtUp").asBoolean() && p.get("behind").asLong() == 0;
                head = Math.max(head, p.path("position").asLong());
            }
            if (all) {
                return head + 1;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("the read models did not catch up within 2 minutes");
    }

    private static List<String> clinicalModels(GraphQlClient admin) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode p : check(admin.post("query { eventProcessors { name } }", Map.of()))
                .at("/data/eventProcessors")) {
            String name = p.get("name").asText();
            if (name.startsWith("encounter")
                    || name.startsWith("medication")
                    || name.startsWith("prescription")
                    || name.startsWith("allerg")
                    || CLINICAL_MODELS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Null once the model has replayed up to the head of the store; its last status after two minutes otherwise. */
    private static String awaitRebuilt(GraphQlClient admin, String model) throws Exception {
        TimeUnit.MILLISECONDS.sleep(20);
        String last = "no status";
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            for (JsonNode p : check(admin.post(
                            "query { eventProcessors { name replaying caughtUp behind position } }", Map.of()))
                    .at("/data/eventProcessors")) {
                if (p.get("name").asText().equals(model)) {
                    last = p.toString();
                    // Axon keeps reporting "replaying" until an event newer than the reset arrives; caught up with
                    // nothing behind means the table is complete.
                    if (p.get("caughtUp").asBoolean() && p.get("behind").asLong() == 0) {
                        return null;
                    }
                }
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return last;
    }

    private static JsonNode check(JsonNode body) {
        String error = body.has("httpError") ? body.get("httpError").asText() : GraphQlClient.graphQlError(body);
        if (error != null) {
            throw new IllegalStateException(error);
        }
        return body;
    }
}
