package org.carelog.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.carelog.api.common.Role;
import org.carelog.api.patient.PatientErased;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Personal data at rest, end to end over GraphQL and PostgreSQL: where clear text is allowed, where it
 * never is, tampering, and erasure by key destruction.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataProtectionTest extends PrivacyIntegrationTest {

    /**
     * The only tables that hold personal data in clear, because they must search or compare it: the
     * directory (registration desks search by name, phone and ID), and the command side's duplicate and
     * uniqueness checks (phone, name, birth date; national ID and birth registration number).
     */
    static final Set<String> CLEAR_TEXT_TABLES = Set.of("patient_directory", "patient_match", "patient_identifier");

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void markersAreFoundOnlyInTheReadModelsThatMustSearchThemAndNeverInAnyLog(CapturedOutput output) {
        MarkedPatient first = registerMarked();
        MarkedPatient second = registerMarked();
        awaitInDirectory(first.patientId());
        awaitInDirectory(second.patientId());
        // A dead letter goes through the same serializer as the event store.
        SequencedDeadLetterQueue<EventMessage<?>> deadLetters =
                processing.deadLetterQueue("patient-directory").orElseThrow();
        EventMessage<?> registered =
                eventStore.readEvents(first.patientId()).asStream().findFirst().orElseThrow();
        String sequence = "privacy-test-" + unique();
        deadLetters.enqueue(sequence, new GenericDeadLetter<>(sequence, registered, new IllegalStateException("test")));

        Map<String, String> dump = dumpEveryTable(jdbc);

        assertThat(dump)
                .containsKeys(
                        "domainevententry",
                        "snapshotevententry",
                        "deadletterentry",
                        "sagaentry",
                        "tokenentry",
                        "command_idempotency",
                        "patient_key");
        assertThat(dump.get("deadletterentry")).contains(first.patientId());
        for (MarkedPatient patient : List.of(first, second)) {
            for (String marker : patient.markers()) {
                dump.forEach((table, text) -> {
                    if (!CLEAR_TEXT_TABLES.contains(table)) {
                        assertThat(text).as("%s in table %s", marker, table).doesNotContain(marker);
                    }
                });
            }
            // The dump would have found them: the directory holds every marker in clear, by design.
            assertThat(dump.get("patient_directory")).contains(patient.markers());
        }
        assertThat(dump.get("domainevententry")).contains(first.patientId(), first.mrn(), "\"enc\"");
        assertThat(output.getAll()).doesNotContain(first.markers()).doesNotContain(second.markers());
        deadLetters.deadLetterSequence(sequence).forEach(deadLetters::evict);
    }

    @Test
    void snapshotsAndEventsAreStoredThroughTheEncryptingSerializer() {
        JdbcEventStorageEngine engine = (JdbcEventStorageEngine) storageEngine;
        assertThat(engine.getEventSerializer()).isInstanceOf(PersonalDataSerializer.class);
        assertThat(engine.getSnapshotSerializer()).isInstanceOf(PersonalDataSerializer.class);
    }

    @Test
    void aTamperedCiphertextStopsTheCommandInsteadOfLoadingAlteredData(CapturedOutput output) throws Exception {
        MarkedPatient patient = registerMarked();
        long index = jdbc.queryForObject(
                "select globalindex from domainevententry where aggregateidentifier = ? and sequencenumber = 0",
                Long.class,
                patient.patientId());
        byte[] payload =
                jdbc.queryForObject("select payload from domainevententry where globalindex = ?", byte[].class, index);
        ObjectNode tree = (ObjectNode) JSON.readTree(payload);
        byte[] ciphertext =
                Base64.getDecoder().decode(tree.path("demographics").path("enc").asText());
        ciphertext[ciphertext.length / 2] ^= 0x04;
        ((ObjectNode) tree.get("demographics")).put("enc", Base64.getEncoder().encodeToString(ciphertext));
        jdbc.update(
                "update domainevententry set payload = ? where globalindex = ?",
                JSON.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8),
                index);
        long events = eventCount();

        JsonNode response = json(post(
                credentials(Role.RECEPTIONIST),
                "mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { patientId } }",
                Map.of(
                        "input",
                        Map.of("patientId", patient.patientId(), "consent", Map.of("sms", false, "email", false)))));

        assertThat(response.path("data").path("updatePatient").isObject())
                .as("no result: %s", response)
                .isFalse();
        assertThat(response.path("errors")
                        .get(0)
                        .path("extensions")
                        .path("classification")
                        .asText())
                .isEqualTo("INTERNAL_ERROR");
        assertThat(response.toString()).doesNotContain(patient.markers());
        assertThat(eventCount()).isEqualTo(events);
        assertThat(output.getAll()).contains("fails authentication").doesNotContain(patient.markers());
    }

    @Test
    void erasureDestroysTheKeyAndLeavesAnErasedRecordThatStillReplays(CapturedOutput output) {
        MarkedPatient erased = registerMarked();
        MarkedPatient kept = registerMarked();
        awaitInDirectory(erased.patientId());
        awaitInDirectory(kept.patientId());
        String keptName = (String) ((Map<?, ?>) kept.input().get("demographics")).get("nameEn");

        JsonNode forbidden = erase(Role.RECEPTIONIST, erased.patientId(), "DPR-1");
        assertThat(forbidden
                        .path("errors")
                        .get(0)
                        .path("extensions")
                        .path("code")
                        .asText())
                .isEqualTo("FORBIDDEN");
        JsonNode freeText = erase(
                Role.ADMIN, erased.patientId(), "asked by " + erased.markers().get(0));
        assertThat(freeText.path("errors")
                        .get(0)
                        .path("extensions")
                        .path("field")
                        .asText())
                .isEqualTo("reference");

        JsonNode done = erase(Role.ADMIN, erased.patientId(), "DPR-2025/0042");
        assertThat(done.path("errors").isMissingNode()).as("%s", done).isTrue();
        assertThat(done.path("data").path("erasePatient").path("mrn").asText()).isEqualTo(erased.mrn());
        awaitErasedInDirectory(erased.patientId());

        JsonNode shown = patient(erased.patientId());
        assertThat(shown.path("erased").asBoolean()).isTrue();
        assertThat(shown.path("mrn").asText()).isEqualTo(erased.mrn());
        assertThat(shown.path("displayName").asText()).isEqualTo("(erased)");
        for (String field : List.of(
                "nameBn",
                "nameEn",
                "sex",
                "birthDate",
                "phone",
                "email",
                "nationalId",
                "birthRegistrationNumber",
                "address",
                "emergencyContact")) {
            assertThat(shown.path(field).isNull()).as(field).isTrue();
        }
        for (String marker : erased.markers()) {
            assertThat(searchIds(marker)).as("search %s", marker).doesNotContain(erased.patientId());
        }
        assertThat(patient(kept.patientId()).path("nameEn").asText()).isEqualTo(keptName);
        assertThat(patient(kept.patientId()).path("erased").asBoolean()).isFalse();

        // The key is a tombstone; nothing anywhere holds the erased values any more, not even the read models.
        assertThat(jdbc.queryForObject(
                        "select wrapped_keyset is null and destroyed_at is not null from patient_key where subject_id = ?",
                        Boolean.class,
                        erased.patientId()))
                .isTrue();
        Map<String, String> dump = dumpEveryTable(jdbc);
        for (String marker : erased.markers()) {
            dump.forEach((table, text) ->
                    assertThat(text).as("%s in %s", marker, table).doesNotContain(marker));
        }
        assertThat(dump.get("patient_directory")).contains(keptName);

        // The events still load: the erasure event carries only the basis and reference.
        List<Object> payloads = eventStore
                .readEvents(erased.patientId())
                .asStream()
                .map(m -> (Object) m.getPayload())
                .toList();
        assertThat(payloads).hasSize(2);
        assertThat(payloads.get(1)).isInstanceOf(PatientErased.class);
        assertThat(payloads.toString()).doesNotContain(erased.markers());

        // Changes are refused; a repeated erasure is quiet.
        JsonNode update = json(post(
                credentials(Role.RECEPTIONIST),
                "mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { patientId } }",
                Map.of(
                        "input",
                        Map.of("patientId", erased.patientId(), "consent", Map.of("sms", false, "email", false)))));
        assertThat(update.path("errors").get(0).path("extensions").path("code").asText())
                .isEqualTo("CONFLICT");

        // A replay of the directory rebuilds the erased row, not the old data, and the other patient in full.
        List<Map<String, Object>> before = directoryRows(erased, kept);
        StreamingEventProcessor directory = processing
                .eventProcessor("patient-directory", StreamingEventProcessor.class)
                .orElseThrow();
        directory.shutDown();
        directory.resetTokens();
        directory.start();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() ->
                        !directory.isReplaying() && directoryRows(erased, kept).equals(before));
        assertThat(before.get(0)).containsEntry("erased", true).containsEntry("name_en", null);
        assertThat(before.get(1)).containsEntry("erased", false).containsEntry("name_en", keptName);

        assertThat(output.getAll()).doesNotContain(erased.markers());
    }

    private List<Map<String, Object>> directoryRows(MarkedPatient... patients) {
        return java.util.Arrays.stream(patients)
                .map(p ->
                        jdbc.queryForList("select * from patient_directory where patient_id = ?::uuid", p.patientId()))
                .map(rows -> rows.isEmpty() ? Map.<String, Object>of() : rows.get(0))
                .toList();
    }
}
