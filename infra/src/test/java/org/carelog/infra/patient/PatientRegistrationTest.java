package org.carelog.infra.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carelog.infra.patient.PatientFixtures.registration;
import static org.carelog.infra.patient.PatientFixtures.section;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.carelog.api.common.Role;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.infra.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Patient registration and the patient directory, over GraphQL on HTTP against PostgreSQL. */
class PatientRegistrationTest extends IntegrationTest {

    record Registered(String patientId, String mrn) {}

    @Autowired
    EventStore eventStore;

    @Test
    void registeredPatientIsFoundByEveryKey() {
        long n = unique();
        Registered patient = register(Role.RECEPTIONIST, registration(n));
        assertThat(patient.mrn()).matches("CLG-\\d{8}");
        awaitInDirectory(patient.patientId());

        String local = PatientFixtures.phone(n);
        String e164 = "+88" + local;
        String banglaDigits = local.chars()
                .mapToObj(c -> String.valueOf((char) ('০' + (c - '0'))))
                .reduce("", String::concat);
        List<String> searches = List.of(
                patient.mrn(),
                patient.mrn().toLowerCase().replace("-", " "),
                local,
                local.substring(0, 5) + "-" + local.substring(5),
                e164,
                e164.substring(1),
                banglaDigits,
                PatientFixtures.nationalId(n),
                PatientFixtures.birthRegistrationNumber(n),
                PatientFixtures.latinName(n).toUpperCase(),
                PatientFixtures.latinName(n).substring(2, 7),
                PatientFixtures.banglaName(n),
                PatientFixtures.banglaName(n).substring(0, 4));
        for (String search : searches) {
            assertThat(searchIds(search)).as("search by %s", search).contains(patient.patientId());
        }

        as(Role.DOCTOR)
                .documentName("patients")
                .variable("search", patient.mrn())
                .execute()
                .path("patients.edges[0].node")
                .entity(Map.class)
                .satisfies(node -> {
                    assertThat(node).containsEntry("nameBn", PatientFixtures.banglaName(n));
                    assertThat(node).containsEntry("nameEn", PatientFixtures.latinName(n));
                    assertThat(node).containsEntry("phone", e164);
                    assertThat(node).containsEntry("nationalId", PatientFixtures.nationalId(n));
                    assertThat(node).containsEntry("birthDate", PatientFixtures.birthDate(n));
                    assertThat(node.get("address").toString()).contains("ঢাকা", "Dhamrai", "বাড়ি ১২");
                    assertThat(node.get("consent")).isEqualTo(Map.of("sms", true, "email", true));
                });
        as(Role.NURSE)
                .documentName("patient")
                .variable("id", patient.patientId())
                .execute()
                .path("patient.mrn")
                .entity(String.class)
                .isEqualTo(patient.mrn());
    }

    @Test
    void searchIsCaseInsensitiveAndFindsBanglaNamesByRomanisedText() {
        long n = unique();
        Map<String, Object> input = registration(n);
        section(input, "demographics").put("nameBn", "রহিম " + PatientFixtures.banglaName(n));
        Registered patient = register(Role.RECEPTIONIST, input);
        awaitInDirectory(patient.patientId());
        assertThat(searchIds(PatientFixtures.latinName(n).toLowerCase())).contains(patient.patientId());
        assertThat(searchIds("রহিম " + PatientFixtures.banglaName(n))).containsExactly(patient.patientId());
        assertThat(searchIds("rahim")).contains(patient.patientId());
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                Arguments.of("contact.phone", (Consumer<Map<String, Object>>)
                        in -> section(in, "contact").put("phone", "01234")),
                Arguments.of("identifiers.nationalId", (Consumer<Map<String, Object>>)
                        in -> in.put("identifiers", Map.of("nationalId", "12345"))),
                Arguments.of("identifiers.birthRegistrationNumber", (Consumer<Map<String, Object>>)
                        in -> in.put("identifiers", Map.of("birthRegistrationNumber", "123"))),
                Arguments.of("demographics.birthDate", (Consumer<Map<String, Object>>)
                        in -> section(in, "demographics").put("birthDate", "2999-01-01")),
                Arguments.of("demographics.nameEn", (Consumer<Map<String, Object>>) in -> {
                    section(in, "demographics").put("nameEn", "   ");
                    section(in, "demographics").remove("nameBn");
                }),
                Arguments.of("demographics.nameEn", (Consumer<Map<String, Object>>)
                        in -> section(in, "demographics").put("nameEn", "R2D2")),
                Arguments.of("contact.address.districtCode", (Consumer<Map<String, Object>>) in ->
                        section(in, "contact").put("address", Map.of("divisionCode", "30", "districtCode", "2015"))),
                Arguments.of("contact.email", (Consumer<Map<String, Object>>)
                        in -> section(in, "contact").put("email", "not-an-address")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void invalidInputIsRejectedWithTheFieldAndStoresNothing(String field, Consumer<Map<String, Object>> spoil) {
        Map<String, Object> input = registration(unique());
        spoil.accept(input);
        long before = eventCount();
        as(Role.RECEPTIONIST)
                .documentName("registerPatient")
                .variable("input", input)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "VALIDATION");
                    assertThat(error.getExtensions()).containsEntry("field", field);
                    assertThat(error.getMessage()).doesNotContain("Exception", "at org.", "SQL");
                }));
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void probableDuplicateIsRefusedWithCandidatesUnlessTheClerkGivesAReason() {
        long n = unique();
        Registered first = register(Role.RECEPTIONIST, registration(n));

        Map<String, Object> again = registration(unique());
        section(again, "demographics")
                .put("nameEn", PatientFixtures.latinName(n).replace("a", "aa"));
        section(again, "demographics").put("nameBn", PatientFixtures.banglaName(n));
        section(again, "contact").put("phone", "+88" + PatientFixtures.phone(n));
        long before = eventCount();
        as(Role.RECEPTIONIST)
                .documentName("registerPatient")
                .variable("input", again)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "CONFLICT");
                    assertThat(error.getExtensions().get("candidates").toString())
                            .contains(first.patientId(), first.mrn(), "same phone");
                }));
        assertThat(eventCount()).isEqualTo(before);

        again.put("duplicateOverrideReason", "Different person: the sister of the first patient, same family phone");
        Registered second = register(Role.RECEPTIONIST, again);
        assertThat(second.patientId()).isNotEqualTo(first.patientId());
        String payload = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domainevententry where aggregateidentifier = ?",
                String.class,
                second.patientId());
        assertThat(payload).as("stored encrypted").doesNotContain("Different person");
        PatientRegistered registered = (PatientRegistered) eventStore
                .readEvents(second.patientId())
                .asStream()
                .findFirst()
                .orElseThrow()
                .getPayload();
        assertThat(registered.duplicateOverrideReason()).startsWith("Different person: the sister");
    }

    @Test
    void sameNationalIdIsAlwaysRefused() {
        long n = unique();
        register(Role.RECEPTIONIST, registration(n));
        Map<String, Object> other = registration(unique());
        other.put("identifiers", Map.of("nationalId", PatientFixtures.nationalId(n)));
        other.put("duplicateOverrideReason", "an override does not cover a national id");
        as(Role.RECEPTIONIST)
                .documentName("registerPatient")
                .variable("input", other)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> assertThat(
                                error.getExtensions())
                        .containsEntry("code", "CONFLICT")
                        .containsEntry("field", "identifiers.nationalId")));
    }

    @Test
    void updatingDetailsRecordsOneEventPerChangedPart() {
        long n = unique();
        Registered patient = register(Role.RECEPTIONIST, registration(n));
        Map<String, Object> contact = new java.util.LinkedHashMap<>(section(registration(n), "contact"));
        String newPhone = PatientFixtures.phone(unique());
        contact.put("phone", newPhone);
        Map<String, Object> update = map(
                "idempotencyKey", "update-" + n,
                "patientId", patient.patientId(),
                "contact", contact,
                "consent", Map.of("sms", false, "email", true),
                "demographics", section(registration(n), "demographics"));
        as(Role.RECEPTIONIST)
                .documentName("updatePatient")
                .variable("input", update)
                .execute()
                .path("updatePatient.mrn")
                .entity(String.class)
                .isEqualTo(patient.mrn());

        assertThat(eventCount("org.carelog.api.patient.PatientContactDetailsChanged", patient.patientId()))
                .isEqualTo(1);
        assertThat(eventCount("org.carelog.api.patient.CommunicationConsentChanged", patient.patientId()))
                .isEqualTo(1);
        assertThat(eventCount("org.carelog.api.patient.PatientDemographicsChanged", patient.patientId()))
                .as("unchanged demographics record nothing")
                .isZero();
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> assertThat(searchIds(newPhone)).containsExactly(patient.patientId()));
    }

    @Test
    void updatingAnUnknownPatientIsNotFound() {
        as(Role.RECEPTIONIST)
                .documentName("updatePatient")
                .variable(
                        "input",
                        map(
                                "patientId",
                                java.util.UUID.randomUUID().toString(),
                                "consent",
                                Map.of("sms", false, "email", false)))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getExtensions())
                        .containsEntry("code", "NOT_FOUND")));
    }

    @Test
    void resultsArePagedWithCursors() {
        long family = unique();
        String surname = PatientFixtures.latinName(family).replace(" Test", "");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> input = registration(unique());
            section(input, "demographics")
                    .put("nameEn", PatientFixtures.latinName(unique()).replace("Test", surname));
            awaitInDirectory(register(Role.RECEPTIONIST, input).patientId());
        }
        GraphQlTester.Response first = as(Role.RECEPTIONIST)
                .documentName("patients")
                .variable("search", surname)
                .variable("first", 2)
                .execute();
        first.path("patients.edges").entityList(Object.class).hasSize(2);
        first.path("patients.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor =
                first.path("patients.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response second = as(Role.RECEPTIONIST)
                .documentName("patients")
                .variable("search", surname)
                .variable("first", 2)
                .variable("after", cursor)
                .execute();
        second.path("patients.edges").entityList(Object.class).hasSize(1);
        second.path("patients.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    Registered register(Role role, Map<String, Object> input) {
        return as(role).documentName("registerPatient")
                .variable("input", input)
                .execute()
                .path("registerPatient")
                .entity(Registered.class)
                .get();
    }

    @SuppressWarnings("unchecked")
    List<String> searchIds(String search) {
        List<Map<String, Object>> edges = as(Role.RECEPTIONIST)
                .documentName("patients")
                .variable("search", search)
                .variable("first", 50)
                .execute()
                .path("patients.edges")
                .entityList(Map.class)
                .get()
                .stream()
                .map(e -> (Map<String, Object>) e)
                .toList();
        return edges.stream()
                .map(e -> (String) ((Map<String, Object>) e.get("node")).get("id"))
                .toList();
    }
}
