package org.carelog.infra.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Departments and practitioners, written by ADMIN and read back by staff over GraphQL on HTTP. */
class PractitionerDirectoryTest extends IntegrationTest {

    static final String CREATE_DEPARTMENT =
            "mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { departmentId } }";
    static final String RENAME_DEPARTMENT =
            "mutation($input: RenameDepartmentInput!) { renameDepartment(input: $input) { departmentId } }";
    static final String REGISTER =
            "mutation($input: RegisterPractitionerInput!) { registerPractitioner(input: $input) { practitionerId } }";
    static final String UPDATE = "mutation($input: UpdatePractitionerProfileInput!) {"
            + " updatePractitionerProfile(input: $input) { practitionerId } }";
    static final String PRACTITIONER = "query($id: ID!) { practitioner(id: $id) { nameEn nameBn role specialty"
            + " qualifications languages bmdc { number expiresOn } department { code nameEn }"
            + " fees { newVisit { amount currency } followUp { amount currency } } } }";

    @Test
    void aDoctorRegisteredByAdminIsReadBackWithDepartmentFeesAndChanges() {
        long n = unique();
        String code = ("T" + n).substring(0, Math.min(10, ("T" + n).length()));
        String departmentId = data(post(
                        credentials(Role.ADMIN),
                        CREATE_DEPARTMENT,
                        Map.of("input", Map.of("code", code, "nameEn", "Test Medicine", "nameBn", "পরীক্ষা মেডিসিন"))))
                .at("/createDepartment/departmentId")
                .asText();
        String bmdc = "A-" + (10_000 + n % 89_999);
        Map<String, Object> doctor = Map.of(
                "nameBn",
                "ডা. পরীক্ষা",
                "nameEn",
                "Dr. Porikkha",
                "role",
                "DOCTOR",
                "bmdc",
                Map.of("number", bmdc, "expiresOn", LocalDate.now().plusYears(1).toString()),
                "specialty",
                "Internal Medicine",
                "departmentId",
                departmentId,
                "languages",
                List.of("BN", "EN"),
                "qualifications",
                List.of("MBBS", "FCPS (Medicine)"),
                "fees",
                Map.of("newVisit", "800", "followUp", "500.5"));
        String id = data(post(credentials(Role.ADMIN), REGISTER, Map.of("input", doctor)))
                .at("/registerPractitioner/practitionerId")
                .asText();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode p = data(post(credentials(Role.RECEPTIONIST), PRACTITIONER, Map.of("id", id)))
                    .get("practitioner");
            assertThat(p.get("nameEn").asText()).isEqualTo("Dr. Porikkha");
            assertThat(p.get("role").asText()).isEqualTo("DOCTOR");
            assertThat(p.at("/bmdc/number").asText()).isEqualTo(bmdc);
            assertThat(p.at("/department/code").asText()).isEqualTo(code);
            assertThat(p.at("/fees/newVisit/amount").asText()).isEqualTo("800.00");
            assertThat(p.at("/fees/followUp/amount").asText()).isEqualTo("500.50");
            assertThat(p.at("/fees/followUp/currency").asText()).isEqualTo("BDT");
        });

        data(post(
                credentials(Role.ADMIN),
                UPDATE,
                Map.of("input", Map.of("practitionerId", id, "fees", Map.of("newVisit", "900.50", "followUp", "0")))));
        data(post(
                credentials(Role.ADMIN),
                RENAME_DEPARTMENT,
                Map.of(
                        "input",
                        Map.of("departmentId", departmentId, "nameEn", "Test Medicine II", "nameBn", "মেডিসিন ২"))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode p = data(post(credentials(Role.NURSE), PRACTITIONER, Map.of("id", id)))
                    .get("practitioner");
            assertThat(p.at("/fees/newVisit/amount").asText()).isEqualTo("900.50");
            assertThat(p.at("/fees/followUp/amount").asText()).isEqualTo("0.00");
            assertThat(p.at("/department/nameEn").asText()).isEqualTo("Test Medicine II");
        });
        assertThat(eventCount("org.carelog.api.practitioner.PractitionerFeesChanged", id))
                .isEqualTo(1);
    }

    @Test
    void onlyAdminRegistersAndABmdcNumberBelongsToOnePractitioner() {
        long n = unique();
        String code = ("U" + n).substring(0, Math.min(10, ("U" + n).length()));
        String departmentId = data(post(
                        credentials(Role.ADMIN),
                        CREATE_DEPARTMENT,
                        Map.of("input", Map.of("code", code, "nameEn", "Test Lab", "nameBn", "পরীক্ষা ল্যাব"))))
                .at("/createDepartment/departmentId")
                .asText();
        Map<String, Object> doctor = Map.of(
                "nameEn",
                "Dr. Dwitiyo",
                "role",
                "DOCTOR",
                "bmdc",
                Map.of(
                        "number",
                        "A-" + (10_000 + n % 89_999),
                        "expiresOn",
                        LocalDate.now().plusYears(2).toString()),
                "departmentId",
                departmentId,
                "languages",
                List.of("BN"),
                "fees",
                Map.of("newVisit", "700", "followUp", "400"));
        long before = eventCount();
        JsonNode refused = json(post(credentials(Role.RECEPTIONIST), REGISTER, Map.of("input", doctor)));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(eventCount()).isEqualTo(before);

        data(post(credentials(Role.ADMIN), REGISTER, Map.of("input", doctor)));
        JsonNode again = json(post(credentials(Role.ADMIN), REGISTER, Map.of("input", doctor)));
        assertThat(again.at("/errors/0/extensions/code").asText()).isEqualTo("CONFLICT");
    }

    private static JsonNode data(java.net.http.HttpResponse<String> response) {
        JsonNode body = json(response);
        assertThat(body.path("errors").isMissingNode()).as(response.body()).isTrue();
        return body.get("data");
    }
}
