package org.carelog.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.patient.PatientFixtures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Privacy tests share one application context whose retention rule is off, so patients can be erased
 * at once. Each patient carries marker values no other test uses, to be searched for in every table.
 */
@TestPropertySource(properties = "carelog.privacy.clinical-retention=P0D")
public abstract class PrivacyIntegrationTest extends IntegrationTest {

    /** A registered patient and the values that must never be found in clear where they do not belong. */
    public record MarkedPatient(String patientId, String mrn, Map<String, Object> input, List<String> markers) {}

    private static final String LETTERS = "qwzxkjvbyh";

    /** Registers a patient whose name, phones, e-mail, identity numbers and address line are unique. */
    protected MarkedPatient registerMarked() {
        long n = unique();
        Map<String, Object> input = PatientFixtures.registration(n);
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = (Map<String, Object>) input.get("contact");
        String lane = "Markerlane " + letters(n);
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("divisionCode", "30");
        address.put("districtCode", "3026");
        address.put("line", lane);
        contact.put("address", address);
        @SuppressWarnings("unchecked")
        Map<String, Object> demographics = (Map<String, Object>) input.get("demographics");
        @SuppressWarnings("unchecked")
        Map<String, Object> identifiers = (Map<String, Object>) input.get("identifiers");
        String phone = (String) contact.get("phone");
        List<String> markers = List.of(
                (String) demographics.get("nameEn"),
                (String) demographics.get("nameBn"),
                phone.substring(1), // in every form the number is stored or shown: 017..., +88017...
                (String) contact.get("email"),
                (String) identifiers.get("nationalId"),
                (String) identifiers.get("birthRegistrationNumber"),
                lane);
        JsonNode response = json(post(
                credentials(Role.RECEPTIONIST),
                "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId mrn } }",
                Map.of("input", input)));
        assertThat(response.path("errors").isMissingNode())
                .as("registered: %s", response)
                .isTrue();
        JsonNode payload = response.path("data").path("registerPatient");
        return new MarkedPatient(
                payload.path("patientId").asText(), payload.path("mrn").asText(), input, markers);
    }

    protected static String letters(long n) {
        StringBuilder word = new StringBuilder();
        for (char digit : Long.toString(n).toCharArray()) {
            word.append(LETTERS.charAt(digit - '0'));
        }
        return word.toString();
    }

    protected JsonNode erase(Role role, String patientId, String reference) {
        return json(post(
                credentials(role),
                "mutation($input: ErasePatientInput!) { erasePatient(input: $input) { patientId mrn } }",
                Map.of(
                        "input",
                        Map.of(
                                "idempotencyKey",
                                "erase-" + patientId,
                                "patientId",
                                patientId,
                                "legalBasis",
                                "DATA_SUBJECT_REQUEST",
                                "reference",
                                reference))));
    }

    protected JsonNode patient(String patientId) {
        return json(post(
                        credentials(Role.DOCTOR),
                        "query($id: ID!) { patient(id: $id) { id mrn erased nameBn nameEn displayName sex birthDate"
                                + " phone email nationalId birthRegistrationNumber address { line }"
                                + " emergencyContact { name } consent { sms email } } }",
                        Map.of("id", patientId)))
                .path("data")
                .path("patient");
    }

    protected List<String> searchIds(String search) {
        JsonNode edges = json(post(
                        credentials(Role.RECEPTIONIST),
                        "query($search: String) { patients(search: $search, first: 50) { edges { node { id } } } }",
                        Map.of("search", search)))
                .path("data")
                .path("patients")
                .path("edges");
        return edges.findValues("id").stream().map(JsonNode::asText).toList();
    }

    protected void awaitErasedInDirectory(String patientId) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                        "select erased from patient_directory where patient_id = ?::uuid", Boolean.class, patientId)));
    }

    /** Every table of schema public as text, bytea decoded as UTF-8 (JSON payloads are found as written). */
    public static Map<String, String> dumpEveryTable(JdbcTemplate db) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : db.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_type = 'BASE TABLE' order by table_name",
                String.class)) {
            StringBuilder text = new StringBuilder();
            db.query("select * from \"" + table + "\"", (ResultSet rs) -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    text.append(
                                    value instanceof byte[] bytes
                                            ? new String(bytes, StandardCharsets.UTF_8)
                                            : String.valueOf(value))
                            .append('\t');
                }
                text.append('\n');
            });
            tables.put(table, text.toString());
        }
        return tables;
    }
}
