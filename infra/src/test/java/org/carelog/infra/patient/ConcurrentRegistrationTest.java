package org.carelog.infra.patient;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.carelog.api.common.Role;
import org.carelog.infra.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Concurrency is tested, not assumed: clerks at several counters registering at the same moment. */
class ConcurrentRegistrationTest extends IntegrationTest {

    static final String REGISTER =
            "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId mrn } }";

    @Test
    void twentyParallelRegistrationsWithOneNationalIdStoreExactlyOnePatient() throws Exception {
        long shared = unique();
        List<JsonNode> responses = inParallel(20, i -> {
            Map<String, Object> input = PatientFixtures.registration(unique());
            input.put("identifiers", Map.of("nationalId", PatientFixtures.nationalId(shared)));
            return input;
        });

        List<JsonNode> successes =
                responses.stream().filter(r -> r.path("errors").isMissingNode()).toList();
        assertThat(successes).hasSize(1);
        assertThat(responses.stream().filter(r -> !r.path("errors").isMissingNode()))
                .hasSize(19)
                .allSatisfy(r ->
                        assertThat(r.at("/errors/0/extensions/code").asText()).isEqualTo("CONFLICT"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from patient_identifier where kind = 'NATIONAL_ID' and value = ?",
                        Integer.class,
                        PatientFixtures.nationalId(shared)))
                .isEqualTo(1);
        String winner = successes.get(0).at("/data/registerPatient/patientId").asText();
        assertThat(eventCount("org.carelog.api.patient.PatientRegistered", winner))
                .isEqualTo(1);
        awaitInDirectory(winner);
        assertThat(jdbc.queryForObject(
                        "select count(*) from patient_directory where national_id = ?",
                        Integer.class,
                        PatientFixtures.nationalId(shared)))
                .isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyStoresOnePatientAndAnswersEveryRetryAlike() throws Exception {
        long n = unique();
        Map<String, Object> input = PatientFixtures.registration(n);
        input.put("idempotencyKey", "retry-" + n);
        long before = eventCount();

        List<JsonNode> responses = inParallel(8, i -> input);
        JsonNode again = json(post(credentials(Role.RECEPTIONIST), REGISTER, Map.of("input", input)));

        assertThat(responses)
                .allSatisfy(r -> assertThat(r.path("errors").isMissingNode()).isTrue());
        assertThat(responses.stream().map(r -> r.at("/data/registerPatient")).distinct())
                .singleElement()
                .isEqualTo(again.at("/data/registerPatient"));
        assertThat(eventCount() - before).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyBelongsToItsUser() {
        long n = unique();
        String key = "shared-key-" + n;
        Map<String, Object> first = PatientFixtures.registration(n);
        first.put("idempotencyKey", key);
        Map<String, Object> second = PatientFixtures.registration(unique());
        second.put("idempotencyKey", key);
        JsonNode a = json(post(credentials(Role.RECEPTIONIST), REGISTER, Map.of("input", first)));
        JsonNode b = json(post(credentials(Role.NURSE), REGISTER, Map.of("input", second)));
        assertThat(a.at("/data/registerPatient/patientId").asText())
                .isNotEmpty()
                .isNotEqualTo(b.at("/data/registerPatient/patientId").asText());
    }

    interface Input {
        Map<String, Object> of(int i);
    }

    private List<JsonNode> inParallel(int clients, Input input) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Map<String, Object> variables = Map.of("input", input.of(i));
                futures.add(pool.submit(() -> {
                    start.await();
                    return json(post(credentials(Role.RECEPTIONIST), REGISTER, variables));
                }));
            }
            start.countDown();
            List<JsonNode> responses = new ArrayList<>();
            for (Future<JsonNode> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
