package org.carelog.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.infra.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** TOTP multi-factor sign-in with the production default: DOCTOR and ADMIN must use it. */
@Import(TestClock.Config.class)
class MfaTest extends SignInTestSupport {

    static final String BEGIN = "mutation($input: BeginTotpEnrollmentInput!) { beginTotpEnrollment(input: $input)"
            + " { secret otpauthUri } }";
    static final String CONFIRM =
            "mutation($input: ConfirmTotpEnrollmentInput!) {" + " confirmTotpEnrollment(input: $input) { enrolled } }";

    @DynamicPropertySource
    static void productionDefault(DynamicPropertyRegistry registry) {
        registry.add("carelog.security.mfa.required-roles", () -> "DOCTOR,ADMIN");
    }

    @Autowired
    TestClock clock;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    ApplicationContext context;

    String doctor() {
        String username = "dr-" + unique();
        accounts.create(username, STRONG_PASSWORD, Role.DOCTOR, "Dr Test");
        return username;
    }

    String code(String secret, Duration offset) throws Exception {
        long step = Math.floorDiv(clock.instant().plus(offset).getEpochSecond(), 30);
        return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
    }

    String enrol(String username) throws Exception {
        String restricted = bearer(username, STRONG_PASSWORD);
        String secret = graphql(restricted, BEGIN, map())
                .at("/data/beginTotpEnrollment/secret")
                .asText();
        JsonNode confirmed = graphql(restricted, CONFIRM, map("code", code(secret, Duration.ZERO)));
        assertThat(confirmed.at("/data/confirmTotpEnrollment/enrolled").asBoolean())
                .as(confirmed.toString())
                .isTrue();
        clock.advance(Duration.ofSeconds(30)); // the confirming code is spent
        return secret;
    }

    @Test
    void anUnenrolledDoctorMaySignInOnlyToEnrol() {
        String user = doctor();
        for (String authorization : List.of(basic(user, STRONG_PASSWORD), bearer(user, STRONG_PASSWORD))) {
            JsonNode me = json(post(authorization, ME, Map.of()));
            assertThat(me.at("/data/me/role").asText()).isEqualTo("DOCTOR");
            assertThat(me.at("/data/me/mfaEnrollmentRequired").asBoolean()).isTrue();
            for (String document : List.of(PATIENTS, "{ geography(level: DIVISION) { code } }")) {
                JsonNode refused = json(post(authorization, document, Map.of()));
                assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
                assertThat(refused.at("/errors/0/message").asText()).contains("MFA enrollment is required");
            }
        }
        // The bootstrap administrator too: the default protects the most powerful account first.
        JsonNode admin = json(post(basic("admin", ADMIN_PASSWORD), "{ staffUsers { username } }", Map.of()));
        assertThat(admin.at("/errors/0/message").asText()).contains("MFA enrollment is required");
    }

    @Test
    void enrolmentThenSignInWithACodeThatWorksOnce() throws Exception {
        String user = doctor();
        String restricted = bearer(user, STRONG_PASSWORD);
        JsonNode begun = graphql(restricted, BEGIN, map());
        String secret = begun.at("/data/beginTotpEnrollment/secret").asText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(begun.at("/data/beginTotpEnrollment/otpauthUri").asText())
                .startsWith("otpauth://totp/Carelog:" + user + "?secret=" + secret)
                .contains("issuer=Carelog", "algorithm=SHA1", "digits=6", "period=30");
        byte[] stored =
                jdbc.queryForObject("select totp_pending from staff_user where username = ?", byte[].class, user);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);

        assertThat(graphql(restricted, CONFIRM, map("code", "000000"))
                        .at("/errors/0/extensions/code")
                        .asText())
                .isEqualTo("VALIDATION");
        assertThat(graphql(restricted, CONFIRM, map("code", code(secret, Duration.ZERO)))
                        .at("/data/confirmTotpEnrollment/enrolled")
                        .asBoolean())
                .isTrue();
        assertThat(status(restricted))
                .as("the restricted session ends with enrolment")
                .isEqualTo(401);
        assertThat(jdbc.queryForObject(
                        "select count(*) from staff_audit where target = ? and action = 'MFA_ENROLLED'",
                        Integer.class,
                        user))
                .isEqualTo(1);
        assertThat(status(basic(user, STRONG_PASSWORD)))
                .as("HTTP Basic on /graphql is refused once enrolled: a code is good once")
                .isEqualTo(401);

        clock.advance(Duration.ofSeconds(30));
        assertThat(postTo("/auth/token", basic(user, STRONG_PASSWORD)).statusCode())
                .as("no code")
                .isEqualTo(401);
        assertThat(postTo("/auth/token", basic(user, STRONG_PASSWORD), "X-Carelog-OTP", "123456")
                        .statusCode())
                .as("wrong code")
                .isEqualTo(401);
        String current = code(secret, Duration.ZERO);
        String token = bearer(user, STRONG_PASSWORD, "X-Carelog-OTP", current);
        JsonNode me = json(post(token, ME, Map.of()));
        assertThat(me.at("/data/me/mfaEnrollmentRequired").asBoolean()).isFalse();
        assertThat(json(post(token, PATIENTS, Map.of())).path("errors").isMissingNode())
                .isTrue();
        assertThat(postTo("/auth/token", basic(user, STRONG_PASSWORD), "X-Carelog-OTP", current)
                        .statusCode())
                .as("the same code again")
                .isEqualTo(401);
        clock.advance(Duration.ofSeconds(30));
        assertThat(status(bearer(user, STRONG_PASSWORD, "X-Carelog-OTP", code(secret, Duration.ZERO))))
                .isEqualTo(200);
        assertThat(graphql(token, BEGIN, map()).at("/errors/0/extensions/code").asText())
                .as("a second enrolment needs an administrator")
                .isEqualTo("CONFLICT");
    }

    @Test
    void anAdministratorResetsALostTotpAndTheUserEnrolsAgain() throws Exception {
        String administrator = "adm-" + unique();
        accounts.create(administrator, STRONG_PASSWORD, Role.ADMIN, "Admin");
        String adminSecret = enrol(administrator);
        String admin = bearer(administrator, STRONG_PASSWORD, "X-Carelog-OTP", code(adminSecret, Duration.ZERO));
        String user = doctor();
        String secret = enrol(user);
        String token = bearer(user, STRONG_PASSWORD, "X-Carelog-OTP", code(secret, Duration.ZERO));

        JsonNode reset = graphql(
                admin,
                "mutation($input: StaffUserInput!) { resetStaffMfa(input: $input) { user { mfaEnrolled } } }",
                map("username", user));
        assertThat(reset.at("/data/resetStaffMfa/user/mfaEnrolled").asBoolean())
                .as(reset.toString())
                .isFalse();
        assertThat(status(token)).isEqualTo(401);
        JsonNode me = json(post(bearer(user, STRONG_PASSWORD), ME, Map.of()));
        assertThat(me.at("/data/me/mfaEnrollmentRequired").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject(
                        "select actor from staff_audit where target = ? and action = 'MFA_RESET'", String.class, user))
                .isEqualTo(administrator);
    }

    @Test
    void wrongCodesCountTowardsTheLockout() throws Exception {
        String user = doctor();
        String secret = enrol(user);
        for (int i = 0; i < 5; i++) {
            assertThat(postTo("/auth/token", basic(user, STRONG_PASSWORD), "X-Carelog-OTP", "00000" + i)
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(postTo("/auth/token", basic(user, STRONG_PASSWORD), "X-Carelog-OTP", code(secret, Duration.ZERO))
                        .statusCode())
                .as("locked")
                .isEqualTo(401);
        clock.advance(Duration.ofSeconds(61));
        assertThat(status(bearer(user, STRONG_PASSWORD, "X-Carelog-OTP", code(secret, Duration.ZERO))))
                .isEqualTo(200);
    }

    @Test
    void rolesWithoutTheRequirementSignInWithoutACode() {
        assertThat(status(bearer(username(Role.NURSE), username(Role.NURSE) + "-it-password")))
                .isEqualTo(200);
        assertThat(json(post(credentials(Role.RECEPTIONIST), PATIENTS, Map.of()))
                        .path("errors")
                        .isMissingNode())
                .isTrue();
    }

    @Test
    void onlyMeAndEnrolmentAreOpenToEveryAuthenticatedUser() {
        List<String> open = new ArrayList<>();
        for (Object bean : context.getBeansWithAnnotation(Controller.class).values()) {
            for (Method method : AopUtils.getTargetClass(bean).getDeclaredMethods()) {
                SchemaMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, SchemaMapping.class);
                PreAuthorize policy = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
                if (mapping != null && policy != null && !policy.value().contains("Role(")) {
                    open.add(method.getName());
                }
            }
        }
        assertThat(open).containsExactlyInAnyOrder("me", "beginTotpEnrollment", "confirmTotpEnrollment");
    }
}
