package org.carelog.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.carelog.api.communication.MessageChannel;
import org.carelog.api.communication.MessageKind;
import org.carelog.infra.TestClock;
import org.carelog.infra.patient.PatientFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Patients' sign-in over HTTP against PostgreSQL: one-time codes (expiry, attempts counted per challenge however
 * they arrive, rate limit per phone, a shared phone), passwords set after a code sign-in, sessions; with a clock
 * the test moves instead of sleeping.
 */
@Import(TestClock.Config.class)
class PatientSignInTest extends SignInTestSupport {

    static final String SET_PASSWORD =
            "mutation($input: SetMyPasswordInput!) { setMyPassword(input: $input) { patientId passwordSetAt } }";

    @Autowired
    TestClock clock;

    String challenge(String phone) {
        HttpResponse<String> response = postJson("/auth/patient/code", Map.of("phone", phone));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("challengeId").asText();
    }

    HttpResponse<String> verify(String challengeId, String code, String patientId) {
        return postJson(
                "/auth/patient/token",
                patientId == null
                        ? Map.of("challengeId", challengeId, "code", code)
                        : Map.of("challengeId", challengeId, "code", code, "patientId", patientId));
    }

    static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void aCodeSentByTextSignsThePatientInAsThemselves() {
        String patient = registeredPatient();
        String challengeId = challenge(phoneOf(patient));
        SentMessage sms = awaitMessage("otp:" + challengeId);
        assertThat(sms.patientId()).isEqualTo(patient);
        assertThat(sms.kind()).isEqualTo(MessageKind.ONE_TIME_CODE.name());
        assertThat(sms.channel()).isEqualTo(MessageChannel.SMS.name());
        assertThat(sms.hasSecret()).as("the code is a secret value").isTrue();
        assertThat(sms.code()).matches("[0-9]{6}");
        assertThat(smsSentTo(phoneOf(patient))).anyMatch(text -> text.contains(sms.code()));
        assertThat(jdbc.queryForObject(
                        "select count(*) from patient_sign_in_challenge where id = ?::uuid and code_hash <> ?",
                        Integer.class,
                        challengeId,
                        sms.code().getBytes()))
                .as("only a hash of the code is stored")
                .isEqualTo(1);

        HttpResponse<String> token = verify(challengeId, codeOf(challengeId), null);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(json(token).get("patient_id").asText()).isEqualTo(patient);
        JsonNode me = json(post("Bearer " + json(token).get("access_token").asText(), ME, Map.of()));
        assertThat(me.at("/data/me/username").asText()).isEqualTo("patient:" + patient);
        assertThat(me.at("/data/me/role").asText()).isEqualTo("PATIENT");

        // good once
        assertThat(verify(challengeId, codeOf(challengeId), null).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownPhoneGetsTheSameAnswerAndNoMessageIsSent() {
        long before = messageCount();
        // Robi numbers: no test registers one
        String challengeId = challenge(String.format("018%08d", unique() % 100_000_000L));
        assertThat(messageCount()).isEqualTo(before);
        HttpResponse<String> refused = verify(challengeId, "123456", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).isEqualTo("{\"error\":\"invalid_code\"}");
    }

    @Test
    void wrongCodesSpendTheChallengeAfterFiveAttempts() {
        String patient = registeredPatient();
        String challengeId = challenge(phoneOf(patient));
        String code = codeOf(challengeId);
        for (int i = 0; i < 5; i++) {
            assertThat(verify(challengeId, wrong(code), null).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> right = verify(challengeId, code, null);
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).isEqualTo("{\"error\":\"invalid_code\"}");
    }

    @Test
    void parallelAttemptsAreCountedOneByOneInTheDatabase() throws Exception {
        String patient = registeredPatient();
        String challengeId = challenge(phoneOf(patient));
        String code = codeOf(challengeId);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                attempts.add(
                        pool.submit(() -> verify(challengeId, wrong(code), null).statusCode()));
            }
            for (Future<Integer> attempt : attempts) {
                assertThat(attempt.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "select attempts from patient_sign_in_challenge where id = ?::uuid",
                        Integer.class,
                        challengeId))
                .isEqualTo(5);
        assertThat(verify(challengeId, code, null).statusCode()).isEqualTo(401);
    }

    @Test
    void noBatchOrGraphQlAliasCanMultiplyAttempts() {
        String patient = registeredPatient();
        String challengeId = challenge(phoneOf(patient));
        String code = codeOf(challengeId);
        // A JSON array of attempts is not a request the endpoint takes.
        HttpResponse<String> batch = send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/auth/patient/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[{\"challengeId\":\"" + challengeId
                                + "\",\"code\":\"" + wrong(code) + "\"},{\"challengeId\":\"" + challengeId
                                + "\",\"code\":\"" + code + "\"}]")),
                null);
        assertThat(batch.statusCode()).isEqualTo(400);
        // GraphQL (where aliases and batches live) has no operation that takes a code, and is closed to anyone
        // not signed in.
        assertThat(post(null, "{ a: me { username } b: me { username } }", Map.of())
                        .statusCode())
                .isEqualTo(401);
        JsonNode mutations = json(post(
                credentials(org.carelog.api.common.Role.ADMIN),
                "{ __schema { mutationType { fields { name args { name } } } } }",
                Map.of()));
        mutations.at("/data/__schema/mutationType/fields").forEach(field -> assertThat(field.toString())
                .as(field.get("name").asText())
                .doesNotContain("\"challengeId\"")
                .doesNotContainIgnoringCase("\"code\"}"));
        // the challenge is untouched by all that
        assertThat(verify(challengeId, code, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aCodeExpiresAfterFiveMinutes() {
        String patient = registeredPatient();
        String challengeId = challenge(phoneOf(patient));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(verify(challengeId, codeOf(challengeId), null).statusCode()).isEqualTo(401);
    }

    @Test
    void aPhoneGetsFiveCodesAWindowThen429() {
        String phone = phoneOf(registeredPatient());
        for (int i = 0; i < 5; i++) {
            challenge(phone);
        }
        HttpResponse<String> limited = postJson("/auth/patient/code", Map.of("phone", phone));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 15 * 60L + 1);
        clock.advance(Duration.ofMinutes(15).plusSeconds(2));
        challenge(phone);
    }

    @Test
    void aSharedPhoneLetsTheHolderChooseWhichOfItsPatientsSignsIn() {
        String mother = registeredPatient();
        String phone = phoneOf(mother);
        Map<String, Object> child = PatientFixtures.bystander(70_000_000L + unique());
        @SuppressWarnings("unchecked")
        Map<String, Object> contact = (Map<String, Object>) child.get("contact");
        contact.put("phone", "0" + phone.substring(4)); // the same mobile, written the local way
        child.put("duplicateOverrideReason", "Her son: the family shares one mobile");
        String childId = data(post(
                        credentials(org.carelog.api.common.Role.RECEPTIONIST),
                        "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId } }",
                        Map.of("input", child)))
                .at("/registerPatient/patientId")
                .asText();
        assertThat(phoneOf(childId)).isEqualTo(phone);
        String challengeId = challenge(phone);
        String code = codeOf(challengeId);

        HttpResponse<String> choose = verify(challengeId, code, null);
        assertThat(choose.statusCode()).isEqualTo(409);
        List<String> offered = new ArrayList<>();
        json(choose).get("patients").forEach(p -> offered.add(p.get("patientId").asText()));
        assertThat(offered).containsExactlyInAnyOrder(mother, childId);

        // someone not registered on this phone cannot be chosen
        assertThat(verify(challengeId, code, registeredPatient()).statusCode()).isEqualTo(401);

        HttpResponse<String> asChild = verify(challengeId, code, childId);
        assertThat(asChild.statusCode()).as(asChild.body()).isEqualTo(200);
        JsonNode me = json(post("Bearer " + json(asChild).get("access_token").asText(), ME, Map.of()));
        assertThat(me.at("/data/me/username").asText()).isEqualTo("patient:" + childId);
    }

    @Test
    void aPasswordIsSetSoonAfterACodeSignInAndThenSignsIn() {
        String patient = registeredPatient();
        String phone = phoneOf(patient);
        String byCode = signedInPatient(patient);
        String password = "Hilsa-river-monsoon-" + unique();

        JsonNode set = graphql(byCode, SET_PASSWORD, map("password", password));
        assertThat(set.at("/data/setMyPassword/patientId").asText())
                .as(set.toString())
                .isEqualTo(patient);

        HttpResponse<String> signedIn =
                postJson("/auth/patient/password", Map.of("phone", phone, "password", password));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String byPassword = "Bearer " + json(signedIn).get("access_token").asText();
        assertThat(json(post(byPassword, ME, Map.of())).at("/data/me/username").asText())
                .isEqualTo("patient:" + patient);

        // a password session cannot change the password: the phone must be proved again
        assertThat(graphql(byPassword, SET_PASSWORD, map("password", password + "x"))
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("FORBIDDEN");
        // nor can a code session once the window has passed
        clock.advance(Duration.ofMinutes(16));
        String lateCode = signedInPatient(patient);
        clock.advance(Duration.ofMinutes(16));
        assertThat(graphql(lateCode, SET_PASSWORD, map("password", password + "y"))
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("FORBIDDEN");

        // five wrong passwords lock it, even against the right one
        for (int i = 0; i < 5; i++) {
            assertThat(postJson("/auth/patient/password", Map.of("phone", phone, "password", "wrong-" + i))
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(postJson("/auth/patient/password", Map.of("phone", phone, "password", password))
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void logoutEndsThePatientsSession() {
        String token = signedInPatient(registeredPatient());
        assertThat(status(token)).isEqualTo(200);
        assertThat(postTo("/auth/logout", token).statusCode()).isEqualTo(204);
        assertThat(status(token)).isEqualTo(401);
    }

    @Test
    void patientsAreNotStaff() {
        JsonNode refused = graphql(
                admin(),
                CREATE_USER,
                map(
                        "username",
                        "patient-" + unique(),
                        "displayName",
                        "Not staff",
                        "role",
                        "PATIENT",
                        "password",
                        STRONG_PASSWORD));
        assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION");
        assertThat(refused.at("/errors/0/extensions/field").asText()).isEqualTo("role");
    }

    String admin() {
        return basic("admin", ADMIN_PASSWORD);
    }
}
