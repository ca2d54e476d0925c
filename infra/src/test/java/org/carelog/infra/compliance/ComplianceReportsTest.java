package org.carelog.infra.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.carelog.api.common.Role;
import org.carelog.infra.prescription.PrescriptionIntegrationTest;
import org.carelog.infra.privacy.PrivacyIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The compliance reports for auditors over GraphQL and as CSV, on the real database; in the privacy tests' context
 * (retention off) so a patient can be erased.
 */
class ComplianceReportsTest extends PrivacyIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String PRIVILEGE_CHANGES = "query($f: ComplianceFilter) { privilegeChanges(filter: $f) {"
            + " items { actor action target oldValue newValue occurredAt } nextCursor } }";

    @Test
    void privilegeChangesShowWhoGaveWhichAccountWhatNewestFirst() {
        String username = "it-compliance-" + unique();
        data(post(
                credentials(Role.ADMIN),
                "mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { user { username } } }",
                Map.of(
                        "input",
                        map(
                                "username",
                                username,
                                "displayName",
                                "Compliance Test",
                                "role",
                                "NURSE",
                                "password",
                                "Jackfruit-monsoon-ferry-58"))));
        data(post(
                credentials(Role.ADMIN),
                "mutation($input: ChangeStaffRoleInput!) { changeStaffRole(input: $input) { user { role } } }",
                Map.of("input", map("username", username, "role", "DOCTOR", "idempotencyKey", "role-" + username))));

        JsonNode items = data(post(
                        credentials(Role.AUDITOR),
                        PRIVILEGE_CHANGES,
                        Map.of("f", Map.of("username", username.toUpperCase()))))
                .at("/privilegeChanges/items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("action").asText()).isEqualTo("ROLE_CHANGED");
        assertThat(items.get(0).get("oldValue").asText()).isEqualTo("NURSE");
        assertThat(items.get(0).get("newValue").asText()).isEqualTo("DOCTOR");
        assertThat(items.get(0).get("actor").asText()).isEqualTo(username(Role.ADMIN));
        assertThat(items.get(1).get("action").asText()).isEqualTo("USER_CREATED");
        assertThat(items.get(1).get("target").asText()).isEqualTo(username);

        JsonNode refused = json(post(credentials(Role.ADMIN), PRIVILEGE_CHANGES, Map.of()));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        JsonNode wrongFilter = json(post(
                credentials(Role.AUDITOR), PRIVILEGE_CHANGES, Map.of("f", Map.of("patientId", registeredPatient()))));
        assertThat(wrongFilter.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        assertThat(wrongFilter.at("/errors/0/extensions/field").asText()).isEqualTo("patientId");
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() {
        String username = "it-paging-" + unique();
        data(post(
                credentials(Role.ADMIN),
                "mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { user { username } } }",
                Map.of(
                        "input",
                        map(
                                "username",
                                username,
                                "displayName",
                                "Paging Test",
                                "role",
                                "NURSE",
                                "password",
                                "Jackfruit-monsoon-ferry-58"))));
        for (String role : List.of("DOCTOR", "NURSE", "DOCTOR")) {
            data(post(
                    credentials(Role.ADMIN),
                    "mutation($input: ChangeStaffRoleInput!) { changeStaffRole(input: $input) { user { role } } }",
                    Map.of("input", map("username", username, "role", role, "idempotencyKey", "r-" + unique()))));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = data(post(
                            credentials(Role.AUDITOR),
                            "query($f: ComplianceFilter, $after: String) { privilegeChanges(filter: $f, first: 3,"
                                    + " after: $after) { items { action newValue } nextCursor } }",
                            map("f", Map.of("username", username), "after", after)))
                    .get("privilegeChanges");
            page.get("items")
                    .forEach(i -> seen.add(
                            i.get("action").asText() + ":" + i.get("newValue").asText()));
            after = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (after != null);
        assertThat(seen)
                .containsExactly(
                        "ROLE_CHANGED:DOCTOR", "ROLE_CHANGED:NURSE", "ROLE_CHANGED:DOCTOR", "USER_CREATED:NURSE");
    }

    @Test
    void erasuresAreRegisteredWithTheirBasisReferenceAndWhoErased() throws Exception {
        String patient = registeredPatient();
        String reference = "ER-" + unique();
        data(post(
                credentials(Role.ADMIN),
                "mutation($input: ErasePatientInput!) { erasePatient(input: $input) { patientId } }",
                Map.of(
                        "input",
                        Map.of(
                                "patientId",
                                patient,
                                "legalBasis",
                                "DATA_SUBJECT_REQUEST",
                                "reference",
                                reference,
                                "idempotencyKey",
                                "erase-" + reference))));
        String query = "query($f: ComplianceFilter) { erasures(filter: $f) { items { patientId legalBasis reference"
                + " username role erasedAt } } }";
        await().atMost(Duration.ofSeconds(20))
                .until(() -> data(post(credentials(Role.AUDITOR), query, Map.of("f", Map.of("patientId", patient))))
                                .at("/erasures/items")
                                .size()
                        == 1);
        JsonNode erasure = data(post(credentials(Role.AUDITOR), query, Map.of("f", Map.of("patientId", patient))))
                .at("/erasures/items/0");
        assertThat(erasure.get("legalBasis").asText()).isEqualTo("DATA_SUBJECT_REQUEST");
        assertThat(erasure.get("reference").asText()).isEqualTo(reference);
        assertThat(erasure.get("username").asText()).isEqualTo(username(Role.ADMIN));
        assertThat(erasure.get("role").asText()).isEqualTo("ADMIN");

        List<CSVRecord> rows = export("erasures", "patientId=" + patient);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("reference")).isEqualTo(reference);
    }

    @Test
    void aPrintedPrescriptionIsADisclosureOfItsPatientsRecord() throws Exception {
        String department = createDepartment("Medicine", "মেডিসিন");
        String doctor = staffActingAs(
                Role.DOCTOR, registerDoctor(department, LocalDate.now().plusYears(1)));
        String patient = registeredPatient();
        String prescription = data(post(
                        doctor,
                        PrescriptionIntegrationTest.WRITE,
                        Map.of(
                                "input",
                                PrescriptionIntegrationTest.prescription(
                                        patient, openEncounter(doctor, patient), null))))
                .at("/writePrescription/prescriptionId")
                .asText();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        get("/prescriptions/" + prescription + ".pdf", doctor).statusCode() == 200);
        String query = "query($f: ComplianceFilter) { disclosures(filter: $f) { items { patientId view username } } }";
        JsonNode items = data(post(credentials(Role.AUDITOR), query, Map.of("f", Map.of("patientId", patient))))
                .at("/disclosures/items");
        assertThat(items).isNotEmpty();
        items.forEach(i -> assertThat(i.get("view").asText()).isEqualTo("prescription.pdf"));
        // The chart read made to write the prescription is an access, not a disclosure.
        JsonNode reads = data(post(
                        credentials(Role.AUDITOR),
                        "query($p: ID) { accessLog(patientId: $p, first: 200) { edges { node { view } } } }",
                        Map.of("p", patient)))
                .at("/accessLog/edges");
        assertThat(reads.size()).isGreaterThanOrEqualTo(items.size());
    }

    @Test
    void clinicalAccessUsersShowTheirLastSignInAndLastRead() throws Exception {
        String doctor = newStaff(Role.DOCTOR);
        String doctorName = usernameOf(doctor);
        String receptionist = usernameOf(newStaff(Role.RECEPTIONIST));
        HttpResponse<String> token = HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/auth/token"))
                        .header("Authorization", doctor)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String patient = registeredPatient();
        data(post(doctor, "query($p: ID!) { patientChart(patientId: $p) { patientId } }", Map.of("p", patient)));

        String query = "query($u: String) { clinicalAccessUsers(username: $u) { items { username role enabled"
                + " mfaEnrolled lastSignInAt lastRecordReadAt breakGlassGrants } } }";
        JsonNode user = data(post(credentials(Role.AUDITOR), query, Map.of("u", doctorName)))
                .at("/clinicalAccessUsers/items/0");
        assertThat(user.get("role").asText()).isEqualTo("DOCTOR");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(user.get("lastSignInAt").isNull()).isFalse();
        assertThat(user.get("lastRecordReadAt").isNull()).isFalse();
        assertThat(user.get("breakGlassGrants").asInt()).isZero();
        assertThat(data(post(credentials(Role.AUDITOR), query, Map.of("u", receptionist)))
                        .at("/clinicalAccessUsers/items"))
                .isEmpty();
    }

    @Test
    void theAccessLogExportsAsCsvAndTheExportIsItselfAudited() throws Exception {
        String patient = registeredPatient();
        String doctor = newStaff(Role.DOCTOR);
        for (int i = 0; i < 3; i++) {
            data(post(doctor, "query($p: ID!) { patientChart(patientId: $p) { patientId } }", Map.of("p", patient)));
        }
        long exportsBefore = exports();

        List<CSVRecord> rows = export("access-log", "patientId=" + patient);
        assertThat(rows).hasSize(3);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("username")).isEqualTo(usernameOf(doctor));
            assertThat(r.get("patientId")).isEqualTo(patient);
            assertThat(r.get("view")).isEqualTo("chart");
        });
        assertThat(exports()).isEqualTo(exportsBefore + 1);
        JsonNode export = data(post(
                        credentials(Role.AUDITOR),
                        "query($f: ComplianceFilter) { reportExports(filter: $f, first: 1) { items { actor target newValue } } }",
                        Map.of("f", Map.of("username", username(Role.AUDITOR)))))
                .at("/reportExports/items/0");
        assertThat(export.get("target").asText()).isEqualTo("access-log");
        assertThat(export.get("newValue").asText()).isEqualTo("patient=" + patient);

        assertThat(get("/reports/compliance/access-log.csv", credentials(Role.DOCTOR))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> unknown = get("/reports/compliance/everything.csv", credentials(Role.AUDITOR));
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> badPeriod = get(
                "/reports/compliance/access-log.csv?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                credentials(Role.AUDITOR));
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(json(badPeriod).get("code").asText()).isEqualTo("VALIDATION");
        assertThat(exports()).as("refused exports are not recorded").isEqualTo(exportsBefore + 1);
    }

    private long exports() {
        return jdbc.queryForObject(
                "select count(*) from staff_audit where action = 'REPORT_EXPORTED' and actor = ?",
                Long.class,
                username(Role.AUDITOR));
    }

    private List<CSVRecord> export(String report, String query) {
        return csv("/reports/compliance/" + report + ".csv?" + query, credentials(Role.AUDITOR));
    }

    private HttpResponse<String> get(String path, String authorization) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path))
                            .header("Authorization", authorization)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String usernameOf(String basicCredentials) {
        String decoded = new String(
                java.util.Base64.getDecoder().decode(basicCredentials.substring("Basic ".length())),
                StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.indexOf(':'));
    }
}
