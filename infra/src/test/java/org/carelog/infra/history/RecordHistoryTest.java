package org.carelog.infra.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.carelog.api.clinical.RecordedEvent;
import org.carelog.api.common.Role;
import org.carelog.api.patient.BirthDate;
import org.carelog.api.patient.PatientDemographics;
import org.carelog.api.patient.PatientDemographicsChanged;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.Sex;
import org.carelog.infra.privacy.PrivacyIntegrationTest;
import org.carelog.query.clinical.PatientHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The patient record index, the history read from the store, recordHistory and the chart as of an instant. In the
 * privacy tests' context (retention off), so a patient can be erased.
 */
class RecordHistoryTest extends PrivacyIntegrationTest {

    static final String HISTORY = "query($p: ID!, $first: Int, $after: String) {"
            + " recordHistory(patientId: $p, first: $first, after: $after) {"
            + " edges { cursor node { position type description reason at username role requestId } }"
            + " pageInfo { hasNextPage endCursor } } }";
    static final String CHART_AS_OF = "query($p: ID!, $asOf: DateTime) { patientChart(patientId: $p, asOf: $asOf) {"
            + " patientId asOf patient { nameEn nameBn mrn erased } } }";
    static final String UPDATE = "mutation($input: UpdatePatientInput!) { updatePatient(input: $input) { mrn } }";

    @Autowired
    PatientHistory history;

    @Autowired
    PatientRecordIndexBackfill backfill;

    @Autowired
    EventStore events;

    /** Registers a patient and renames them; returns the patient and the instant of the registration. */
    private String renamedPatient(String newName) {
        String patient = registeredPatient();
        data(post(
                credentials(Role.RECEPTIONIST),
                UPDATE,
                Map.of(
                        "input",
                        Map.of(
                                "patientId",
                                patient,
                                "demographics",
                                Map.of(
                                        "nameEn",
                                        newName,
                                        "nameBn",
                                        "নতুন নাম",
                                        "sex",
                                        "FEMALE",
                                        "birthDate",
                                        "1990-02-03"))),
                "X-Request-Id",
                "rename-" + patient));
        return patient;
    }

    @Test
    void eventsUntilAPastInstantReturnsOnlyTheEarlierEventsDecrypted() {
        String patient = renamedPatient("Renamed Qwe Person");
        PatientId id = PatientId.of(patient);
        List<RecordedEvent> all = history.eventsUntil(id, null);
        assertThat(all)
                .extracting(e -> e.payload().getClass().getSimpleName())
                .containsExactly("PatientRegistered", "PatientDemographicsChanged");
        assertThat(((PatientDemographicsChanged) all.get(1).payload())
                        .demographics()
                        .name()
                        .latin())
                .isEqualTo("Renamed Qwe Person");
        assertThat(all.get(1).username()).isEqualTo(username(Role.RECEPTIONIST));
        assertThat(all.get(1).role()).isEqualTo("RECEPTIONIST");
        assertThat(all.get(1).requestId()).isEqualTo("rename-" + patient);
        assertThat(all.get(0).globalIndex()).isLessThan(all.get(1).globalIndex());

        Instant registeredAt = all.get(0).at();
        List<RecordedEvent> before = history.eventsUntil(id, registeredAt);
        assertThat(before).hasSize(1);
        PatientRegistered registered = (PatientRegistered) before.get(0).payload();
        assertThat(registered.demographics().name().latin()).endsWith(" Qwe").isNotEqualTo("Renamed Qwe Person");
        assertThat(history.eventsUntil(id, registeredAt.minusMillis(1))).isEmpty();
    }

    @Test
    void theChartAsOfAnInstantShowsThePatientAsTheyWereAndNowAsTheDirectoryShows() {
        String patient = renamedPatient("Later Qwe Name");
        Instant registeredAt =
                history.eventsUntil(PatientId.of(patient), null).get(0).at();
        awaitInDirectory(patient);

        JsonNode past = data(post(
                        credentials(Role.AUDITOR), CHART_AS_OF, Map.of("p", patient, "asOf", registeredAt.toString())))
                .get("patientChart");
        assertThat(past.at("/patient/nameEn").asText()).endsWith(" Qwe").isNotEqualTo("Later Qwe Name");
        assertThat(past.at("/patient/mrn").asText()).startsWith("CLG-");

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "Later Qwe Name"
                        .equals(jdbc.queryForObject(
                                "select name_en from patient_directory where patient_id = ?::uuid",
                                String.class,
                                patient)));
        JsonNode now = data(post(credentials(Role.DOCTOR), CHART_AS_OF, Map.of("p", patient)))
                .get("patientChart");
        JsonNode folded = data(post(
                        credentials(Role.AUDITOR),
                        CHART_AS_OF,
                        Map.of("p", patient, "asOf", Instant.now().toString())))
                .get("patientChart");
        assertThat(now.get("patient")).isEqualTo(folded.get("patient"));
        assertThat(now.at("/patient/nameEn").asText()).isEqualTo("Later Qwe Name");
        List<String> views = jdbc.queryForList(
                "select view from clinical_access_log where patient_id = ? order by id",
                String.class,
                UUID.fromString(patient));
        assertThat(views).containsExactly("chart.asOf", "chart", "chart.asOf");
    }

    @Test
    void asOfInTheFutureIsRefusedAndBeforeRegistrationThereIsNoChart() {
        String patient = registeredPatient();
        awaitInDirectory(patient);
        JsonNode future = json(post(
                credentials(Role.AUDITOR),
                CHART_AS_OF,
                Map.of("p", patient, "asOf", OffsetDateTime.now().plusHours(1).toString())));
        assertThat(future.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        assertThat(future.at("/data/patientChart").isNull()).isTrue();

        JsonNode before = data(
                post(credentials(Role.AUDITOR), CHART_AS_OF, Map.of("p", patient, "asOf", "2001-01-01T00:00:00Z")));
        assertThat(before.get("patientChart").isNull()).isTrue();
    }

    @Test
    void recordHistoryListsEveryChangeWithWhoWhenAndWhichRequestPageByPage() {
        String patient = renamedPatient("Paged Qwe Person");
        awaitInDirectory(patient);
        JsonNode first = data(post(
                        credentials(Role.AUDITOR),
                        HISTORY,
                        Map.of("p", patient, "first", 1),
                        "X-Request-Id",
                        "history-1"))
                .get("recordHistory");
        assertThat(first.at("/edges/0/node/type").asText()).isEqualTo("PatientRegistered");
        assertThat(first.at("/edges/0/node/description").asText()).isEqualTo("Patient registered");
        assertThat(first.at("/edges/0/node/username").asText()).isEqualTo(username(Role.RECEPTIONIST));
        assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();

        JsonNode second = data(post(
                        credentials(Role.DOCTOR),
                        HISTORY,
                        Map.of(
                                "p",
                                patient,
                                "first",
                                5,
                                "after",
                                first.at("/pageInfo/endCursor").asText())))
                .get("recordHistory");
        assertThat(second.get("edges")).hasSize(1);
        JsonNode change = second.at("/edges/0/node");
        assertThat(change.get("type").asText()).isEqualTo("PatientDemographicsChanged");
        assertThat(change.get("description").asText()).isEqualTo("Patient demographics changed");
        assertThat(change.get("role").asText()).isEqualTo("RECEPTIONIST");
        assertThat(change.get("requestId").asText()).isEqualTo("rename-" + patient);
        assertThat(change.get("reason").isNull()).isTrue();
        assertThat(second.at("/pageInfo/hasNextPage").asBoolean()).isFalse();

        assertThat(jdbc.queryForList(
                        "select request_id from clinical_access_log where patient_id = ? and view = 'recordHistory'"
                                + " order by id",
                        String.class,
                        UUID.fromString(patient)))
                .hasSize(2)
                .first()
                .isEqualTo("history-1");
    }

    @Test
    void onlyAuditorsAndDoctorsReadTheHistory() {
        String patient = registeredPatient();
        for (Role role : List.of(Role.RECEPTIONIST, Role.BILLING, Role.NURSE, Role.ADMIN)) {
            JsonNode refused = json(post(credentials(role), HISTORY, Map.of("p", patient)));
            assertThat(refused.at("/errors/0/extensions/code").asText())
                    .as(role.name())
                    .isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void anErasedPatientsHistoryStillLoadsWithoutTheirPersonalData() {
        String patient = renamedPatient("Erased Qwe Person");
        awaitInDirectory(patient);
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
                                "REQ-" + unique()))));
        List<RecordedEvent> events = history.eventsUntil(PatientId.of(patient), null);
        assertThat(events).hasSize(3);
        assertThat(((PatientRegistered) events.get(0).payload()).demographics()).isNull();
        assertThat(((PatientDemographicsChanged) events.get(1).payload()).demographics())
                .isNull();
        JsonNode chart = data(post(
                        credentials(Role.AUDITOR),
                        CHART_AS_OF,
                        Map.of("p", patient, "asOf", Instant.now().toString())))
                .get("patientChart");
        assertThat(chart.at("/patient/erased").asBoolean()).isTrue();
        assertThat(chart.at("/patient/nameEn").isNull()).isTrue();
    }

    @Test
    void theIndexIsWrittenWithTheEventAndRebuiltFromTheStore() {
        String patient = renamedPatient("Indexed Qwe Person");
        UUID id = UUID.fromString(patient);
        String rows = "select global_index from patient_record_index where patient_id = ? order by global_index";
        List<Long> indexed = jdbc.queryForList(rows, Long.class, id);
        assertThat(indexed)
                .hasSize(2)
                .isEqualTo(jdbc.queryForList(
                        "select globalindex from domainevententry where aggregateidentifier = ? order by globalindex",
                        Long.class,
                        patient));
        jdbc.update("delete from patient_record_index where patient_id = ?", id);
        assertThat(backfill.rebuild()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForList(rows, Long.class, id)).isEqualTo(indexed);
        assertThat(jdbc.queryForObject("select count(*) from patient_record_index_backfill", Long.class))
                .as("the start-up backfill ran")
                .isEqualTo(1);
    }

    /**
     * A patient with thousands of record events (appended straight to the store, as a long stay would): the
     * whole history is read in one query and one batch of deserialisation. Prints the time (not asserted; see
     * docs/PERFORMANCE.md for the figures).
     */
    @Test
    void aLongHistoryIsReadInOneQuery() {
        String patient = registeredPatient();
        int changes = 3000;
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 1; i <= changes; i++) {
            batch.add(new GenericDomainEventMessage<>(
                    "Patient",
                    patient,
                    i,
                    new PatientDemographicsChanged(
                            PatientId.of(patient),
                            new PatientDemographics(
                                    PersonName.of("দীর্ঘ নাম", "Long Qwe " + letters(i)),
                                    Sex.FEMALE,
                                    new BirthDate(LocalDate.of(1980, 1, 1), false),
                                    null)),
                    MetaData.with("username", "bench").and("role", "DOCTOR")));
            if (batch.size() == 500) {
                events.publish(batch);
                batch.clear();
            }
        }
        PatientId id = PatientId.of(patient);
        List<RecordedEvent> all = List.of();
        long micros = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) { // the first rounds warm up the JIT
            long started = System.nanoTime();
            all = history.eventsUntil(id, null);
            micros = Math.min(micros, (System.nanoTime() - started) / 1000);
        }
        assertThat(all).hasSize(changes + 1);
        assertThat(((PatientDemographicsChanged) all.get(changes).payload())
                        .demographics()
                        .name()
                        .latin())
                .isEqualTo("Long Qwe " + letters(changes));
        System.out.printf("eventsUntil: %d events in %d ms (best of 5)%n", all.size(), micros / 1000);
    }

    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        for (int v = n; v > 0; v /= 26) {
            out.append((char) ('a' + v % 26));
        }
        return out.toString();
    }
}
