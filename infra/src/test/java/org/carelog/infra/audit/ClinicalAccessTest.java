package org.carelog.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Clinicians read a chart only while the patient is in their care or under break-glass (the product's default,
 * switched off for the other integration tests); auditors read the access log, which is sealed into a signed hash
 * chain, and review break-glass alerts.
 */
class ClinicalAccessTest extends IntegrationTest {

    static final String CHART = "query($p: ID!) { patientChart(patientId: $p) { patientId patient { mrn } } }";
    static final String BREAK_GLASS = "mutation($input: BreakGlassInput!) { breakGlass(input: $input) {"
            + " grant { id username role patientId reason openedAt expiresAt reviewedAt } } }";
    static final String ALERTS = "query($reviewed: Boolean) { breakGlassAlerts(reviewed: $reviewed, first: 200) {"
            + " id username patientId reason reviewedBy reviewNote } }";
    static final String REVIEW = "mutation($input: ReviewBreakGlassInput!) { reviewBreakGlass(input: $input) {"
            + " grant { id reviewedBy reviewedAt reviewNote } } }";
    static final String ACCESS_LOG = "query($p: ID, $u: String, $first: Int, $after: String) {"
            + " accessLog(patientId: $p, username: $u, first: $first, after: $after) {"
            + " edges { cursor node { id occurredAt username role patientId view requestId breakGlassId"
            + " breakGlassReason } } pageInfo { hasNextPage endCursor } } }";
    static final String VERIFY = "{ verifyAuditTrail { intact accessRecordsChecked accessGapsChecked"
            + " accessRecordsUnsealed accessHeadHash firstBrokenLink { chain position reason } } }";

    @DynamicPropertySource
    static void productDefault(DynamicPropertyRegistry registry) {
        registry.add("carelog.clinical.access.restrict-to-care", () -> "true");
    }

    @Autowired
    AccessLogSealer sealer;

    record Clinician(String practitionerId, String departmentId, String credentials, String username) {}

    private Clinician doctor() {
        String department = createDepartment("Access Test", "প্রবেশ পরীক্ষা");
        String practitioner = registerDoctor(department, LocalDate.now().plusYears(2));
        String credentials = staffActingAs(Role.DOCTOR, practitioner);
        String username = new String(java.util.Base64.getDecoder().decode(credentials.substring(6))).split(":")[0];
        return new Clinician(practitioner, department, credentials, username);
    }

    private long logEntries(String patient) {
        return jdbc.queryForObject(
                "select count(*) from clinical_access_log where patient_id = ?", Long.class, UUID.fromString(patient));
    }

    @Test
    void aClinicianOutsideThePatientsCareIsRefusedAndNothingIsLogged() {
        String patient = registeredPatient();
        awaitInDirectory(patient);
        for (String credentials : List.of(credentials(Role.DOCTOR), credentials(Role.NURSE), doctor().credentials())) {
            JsonNode refused = json(post(credentials, CHART, Map.of("p", patient)));
            assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
            assertThat(refused.at("/errors/0/extensions/breakGlass").asBoolean())
                    .isTrue();
            assertThat(refused.at("/data/patientChart").isNull()).isTrue();
        }
        assertThat(logEntries(patient)).isZero();
        // auditors read by role
        assertThat(data(post(credentials(Role.AUDITOR), CHART, Map.of("p", patient)))
                        .at("/patientChart/patientId")
                        .asText())
                .isEqualTo(patient);
    }

    @Test
    void aCareRelationshipRecordedByAnotherFeatureOpensTheChartUntilItEnds() {
        Clinician doctor = doctor();
        String patient = registeredPatient();
        awaitInDirectory(patient);
        jdbc.update(
                "insert into care_relationship (patient_id, practitioner_id, source, since, until)"
                        + " values (?, ?, 'encounter', now() - interval '1 hour', now() + interval '1 hour')",
                UUID.fromString(patient),
                UUID.fromString(doctor.practitionerId()));
        assertThat(data(post(doctor.credentials(), CHART, Map.of("p", patient)))
                        .at("/patientChart/patientId")
                        .asText())
                .isEqualTo(patient);

        String other = registeredPatient();
        awaitInDirectory(other);
        jdbc.update(
                "insert into care_relationship (patient_id, practitioner_id, source, since, until)"
                        + " values (?, ?, 'encounter', now() - interval '2 hours', now() - interval '1 hour')",
                UUID.fromString(other),
                UUID.fromString(doctor.practitionerId()));
        assertThat(json(post(doctor.credentials(), CHART, Map.of("p", other)))
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void aTokenTodayAtAServicePointOfTheDoctorsDepartmentPutsThePatientInCare() {
        Clinician doctor = doctor();
        ServicePointRef chamber = createServicePoint(doctor.departmentId(), "CHAMBER");
        String patient = registeredPatient();
        awaitInDirectory(patient);
        assertThat(json(post(doctor.credentials(), CHART, Map.of("p", patient)))
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("FORBIDDEN");
        data(post(
                credentials(Role.RECEPTIONIST),
                "mutation($input: IssueTokenInput!) { issueToken(input: $input) { tokenId } }",
                Map.of("input", Map.of("servicePointId", chamber.id(), "patientId", patient))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from queue_token where patient_id = ?::uuid", Long.class, patient)
                        == 1);
        assertThat(data(post(doctor.credentials(), CHART, Map.of("p", patient)))
                        .at("/patientChart/patientId")
                        .asText())
                .isEqualTo(patient);
    }

    @Test
    void breakGlassNeedsAReasonLogsEveryReadWithItAndRaisesAnAlertForReview() {
        Clinician doctor = doctor();
        String patient = registeredPatient();
        awaitInDirectory(patient);

        JsonNode tooShort = json(post(
                doctor.credentials(),
                BREAK_GLASS,
                Map.of("input", Map.of("patientId", patient, "reason", "urgent", "idempotencyKey", "bg-" + unique()))));
        assertThat(tooShort.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        assertThat(tooShort.at("/errors/0/extensions/field").asText()).isEqualTo("reason");

        String reason = "Unconscious in emergency, attending physician unreachable";
        String key = "bg-" + unique();
        Map<String, Object> input =
                Map.of("input", Map.of("patientId", patient, "reason", reason, "idempotencyKey", key));
        JsonNode grant = data(post(doctor.credentials(), BREAK_GLASS, input)).at("/breakGlass/grant");
        assertThat(grant.get("username").asText()).isEqualTo(doctor.username());
        assertThat(grant.get("reviewedAt").isNull()).isTrue();
        assertThat(data(post(doctor.credentials(), BREAK_GLASS, input))
                        .at("/breakGlass/grant/id")
                        .asText())
                .as("a retry returns the same grant")
                .isEqualTo(grant.get("id").asText());

        data(post(doctor.credentials(), CHART, Map.of("p", patient), "X-Request-Id", "glass-read-" + key));
        data(post(doctor.credentials(), CHART, Map.of("p", patient)));

        JsonNode log = data(post(credentials(Role.AUDITOR), ACCESS_LOG, Map.of("p", patient, "first", 10)))
                .at("/accessLog/edges");
        assertThat(log).hasSize(2);
        for (JsonNode edge : log) {
            assertThat(edge.at("/node/username").asText()).isEqualTo(doctor.username());
            assertThat(edge.at("/node/breakGlassId").asText())
                    .isEqualTo(grant.get("id").asText());
            assertThat(edge.at("/node/breakGlassReason").asText()).isEqualTo(reason);
        }
        assertThat(log.get(1).at("/node/requestId").asText()).isEqualTo("glass-read-" + key);

        JsonNode open = data(post(credentials(Role.AUDITOR), ALERTS, Map.of("reviewed", false)))
                .get("breakGlassAlerts");
        assertThat(open.findValuesAsText("id")).contains(grant.get("id").asText());

        JsonNode reviewed = data(post(
                        credentials(Role.AUDITOR),
                        REVIEW,
                        Map.of(
                                "input",
                                Map.of(
                                        "id",
                                        grant.get("id").asText(),
                                        "note",
                                        "Confirmed with the emergency log",
                                        "idempotencyKey",
                                        "review-" + key))))
                .at("/reviewBreakGlass/grant");
        assertThat(reviewed.get("reviewedBy").asText()).isEqualTo(username(Role.AUDITOR));
        assertThat(data(post(credentials(Role.AUDITOR), ALERTS, Map.of("reviewed", false)))
                        .get("breakGlassAlerts")
                        .findValuesAsText("id"))
                .doesNotContain(grant.get("id").asText());
        assertThat(data(post(credentials(Role.AUDITOR), ALERTS, Map.of("reviewed", true)))
                        .get("breakGlassAlerts")
                        .findValuesAsText("id"))
                .contains(grant.get("id").asText());
    }

    @Test
    void onlyCliniciansBreakGlassAndOnlyAuditorsReadTheAccessLogAndReview() {
        String patient = registeredPatient();
        for (Role role : List.of(Role.AUDITOR, Role.RECEPTIONIST, Role.BILLING, Role.ADMIN)) {
            JsonNode refused = json(post(
                    credentials(role),
                    BREAK_GLASS,
                    Map.of(
                            "input",
                            Map.of(
                                    "patientId",
                                    patient,
                                    "reason",
                                    "A reason long enough to be accepted",
                                    "idempotencyKey",
                                    "x-" + unique()))));
            assertThat(refused.at("/errors/0/extensions/code").asText())
                    .as(role.name())
                    .isEqualTo("FORBIDDEN");
        }
        for (Role role : List.of(Role.DOCTOR, Role.NURSE, Role.ADMIN, Role.RECEPTIONIST)) {
            assertThat(json(post(credentials(role), ACCESS_LOG, Map.of()))
                            .at("/errors/0/extensions/code")
                            .asText())
                    .as(role.name())
                    .isEqualTo("FORBIDDEN");
            assertThat(json(post(
                                    credentials(role),
                                    REVIEW,
                                    Map.of("input", Map.of("id", "1", "idempotencyKey", "r-" + unique()))))
                            .at("/errors/0/extensions/code")
                            .asText())
                    .isEqualTo("FORBIDDEN");
        }
        // an auditor changes nothing in the record
        JsonNode update = json(post(
                credentials(Role.AUDITOR),
                "mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { mrn } }",
                Map.of("input", Map.of("patientId", patient, "consent", Map.of("sms", false, "email", false)))));
        assertThat(update.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aReadThatCannotBeLoggedReturnsNoData() {
        String patient = registeredPatient();
        awaitInDirectory(patient);
        String function = "refuse_log_" + Long.toString(unique(), 36);
        jdbc.execute("create function " + function + "() returns trigger language plpgsql as $$ begin"
                + " if new.patient_id = '" + patient + "' then raise exception 'log unavailable'; end if;"
                + " return new; end $$");
        jdbc.execute("create trigger " + function + " before insert on clinical_access_log for each row execute"
                + " function " + function + "()");
        try {
            JsonNode response = json(post(credentials(Role.AUDITOR), CHART, Map.of("p", patient)));
            assertThat(response.get("errors")).isNotEmpty();
            assertThat(response.at("/data/patientChart").isNull()).isTrue();
            assertThat(response.toString()).doesNotContain("CLG-").doesNotContain("log unavailable");
            JsonNode history = json(post(
                    credentials(Role.AUDITOR),
                    "query($p: ID!) { recordHistory(patientId: $p) { edges { node { type } } } }",
                    Map.of("p", patient)));
            assertThat(history.at("/data/recordHistory").isNull()).isTrue();
            assertThat(history.toString()).doesNotContain("PatientRegistered");
        } finally {
            jdbc.execute("drop trigger " + function + " on clinical_access_log");
            jdbc.execute("drop function " + function + "()");
        }
        assertThat(logEntries(patient)).isZero();
    }

    @Test
    void theAccessLogIsSealedIntoASignedChainThatVerificationChecks() {
        String patient = registeredPatient();
        awaitInDirectory(patient);
        data(post(credentials(Role.AUDITOR), CHART, Map.of("p", patient)));
        sealer.seal();
        JsonNode report =
                data(post(credentials(Role.AUDITOR), VERIFY, Map.of())).get("verifyAuditTrail");
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("accessRecordsChecked").asLong()).isPositive();
        long id = jdbc.queryForObject(
                "select max(id) from clinical_access_log where patient_id = ?", Long.class, UUID.fromString(patient));
        assertThat(jdbc.queryForObject(
                        "select count(*) from clinical_access_log_seal where access_id = ?", Long.class, id))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_checkpoint where chain = 'CLINICAL_ACCESS' and position >= ?",
                        Long.class,
                        id))
                .isPositive();

        // tampering (as a superuser who can switch the trigger off) is reported at that entry, then undone
        jdbc.execute("alter table clinical_access_log disable trigger clinical_access_log_no_update_or_delete");
        try {
            jdbc.update("update clinical_access_log set username = 'someone-else' where id = ?", id);
            JsonNode broken =
                    data(post(credentials(Role.AUDITOR), VERIFY, Map.of())).get("verifyAuditTrail");
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.at("/firstBrokenLink/chain").asText()).isEqualTo("CLINICAL_ACCESS");
            assertThat(broken.at("/firstBrokenLink/position").asLong()).isEqualTo(id);
            assertThat(broken.at("/firstBrokenLink/reason").asText()).contains("changed after sealing");
            jdbc.update("update clinical_access_log set username = ? where id = ?", username(Role.AUDITOR), id);
        } finally {
            jdbc.execute("alter table clinical_access_log enable trigger clinical_access_log_no_update_or_delete");
        }
        assertThat(data(post(credentials(Role.AUDITOR), VERIFY, Map.of()))
                        .at("/verifyAuditTrail/intact")
                        .asBoolean())
                .isTrue();
    }

    @Autowired
    org.carelog.query.clinical.ClinicalAccessLog accessLog;

    /**
     * Sixteen threads writing access-log entries at once, as sixteen concurrent chart reads do (measured on the
     * log itself: over HTTP the per-request bcrypt of Basic sign-in dominates). Each read inserts its row without
     * waiting on a lock; the sealer catches up afterwards. Prints the latencies (not asserted).
     */
    @Test
    void concurrentReadsAreLoggedWithoutWaitingForTheSealer() throws Exception {
        String patient = registeredPatient();
        org.carelog.api.patient.PatientId id = org.carelog.api.patient.PatientId.of(patient);
        var auditor = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                username(Role.AUDITOR),
                null,
                List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_AUDITOR")));
        int threads = 16;
        int perThread = 100;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<long[]>> runs = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            runs.add(pool.submit(() -> {
                org.springframework.security.core.context.SecurityContextHolder.getContext()
                        .setAuthentication(auditor);
                long[] nanos = new long[perThread];
                for (int i = 0; i < perThread; i++) {
                    long started = System.nanoTime();
                    accessLog.recordRead(id, "chart", "concurrent-" + i);
                    nanos[i] = System.nanoTime() - started;
                }
                return nanos;
            }));
        }
        List<Long> all = new java.util.ArrayList<>();
        for (var run : runs) {
            for (long n : run.get()) {
                all.add(n);
            }
        }
        pool.shutdown();
        java.util.Collections.sort(all);
        assertThat(logEntries(patient)).isEqualTo((long) threads * perThread);
        long sealStarted = System.nanoTime();
        sealer.seal();
        long sealMillis = (System.nanoTime() - sealStarted) / 1_000_000;
        System.out.printf(
                "access-log writes, %d threads: p50 %.2f ms, p99 %.2f ms; a sealing pass after them took %d ms%n",
                threads, all.get(all.size() / 2) / 1e6, all.get(all.size() * 99 / 100) / 1e6, sealMillis);
        long last = jdbc.queryForObject(
                "select max(id) from clinical_access_log where patient_id = ?", Long.class, UUID.fromString(patient));
        assertThat(jdbc.queryForObject(
                        "select count(*) from clinical_access_log_seal where access_id = ?", Long.class, last))
                .isEqualTo(1);
    }
}
