package org.carelog.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.carelog.api.common.Role;
import org.carelog.infra.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;

/**
 * Staff administration, password policy, lockout and sessions, over HTTP against PostgreSQL, with a
 * clock the test moves instead of sleeping.
 */
@Import(TestClock.Config.class)
class SignInTest extends SignInTestSupport {

    @Autowired
    TestClock clock;

    @Autowired
    PasswordPolicy policy;

    @Autowired
    StaffAccounts accounts;

    final String admin = basic("admin", ADMIN_PASSWORD);

    String newUser(Role role) {
        String username = "staff-" + unique();
        JsonNode created = graphql(
                admin,
                CREATE_USER,
                map("username", username, "displayName", "Test", "role", role.name(), "password", STRONG_PASSWORD));
        assertThat(created.at("/data/createStaffUser/user/role").asText())
                .as(created.toString())
                .isEqualTo(role.name());
        return username;
    }

    @Test
    void weakCommonOrNameBasedPasswordsAreRefused() {
        String username = "weak-" + unique();
        for (String password : List.of("Short-pw1", "password123456", "qwerty123456", "xx" + username + "-horse")) {
            JsonNode response = graphql(
                    admin,
                    CREATE_USER,
                    map("username", username, "displayName", "Weak", "role", "NURSE", "password", password));
            assertThat(response.at("/errors/0/extensions/code").asText())
                    .as(password)
                    .isEqualTo("VALIDATION");
            assertThat(response.at("/errors/0/extensions/field").asText()).isEqualTo("password");
        }
        assertThat(accounts.exists(username)).isFalse();

        String existing = newUser(Role.NURSE);
        JsonNode reset = graphql(admin, RESET, map("username", existing, "password", "iloveyou1234"));
        assertThat(reset.at("/errors/0/message").asText()).contains("too common");
        assertThat(status(basic(existing, STRONG_PASSWORD))).isEqualTo(200);
    }

    @Test
    void aWeakConfiguredAdministratorPasswordStopsTheStart() {
        assertThatThrownBy(() -> new AdministratorBootstrap(accounts, policy, "admin1234567890"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CARELOG_ADMIN_PASSWORD")
                .hasMessageContaining("user name");
        assertThatThrownBy(() -> new AdministratorBootstrap(accounts, policy, "changeme"))
                .hasMessageContaining("at least 12 characters");
    }

    @Test
    void repeatedFailuresLockTheAccountForABackOffThatGrows() {
        String user = newUser(Role.RECEPTIONIST);
        for (int i = 0; i < 5; i++) {
            assertThat(status(basic(user, "wrong-password-" + i))).isEqualTo(401);
        }
        // Locked: the right password gets the same answer as a wrong one.
        assertThat(status(basic(user, STRONG_PASSWORD))).isEqualTo(401);
        assertThat(postTo("/auth/token", basic(user, STRONG_PASSWORD)).statusCode())
                .isEqualTo(401);
        // The lock runs out; failing on, the next lock lasts twice as long.
        clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < 5; i++) {
            assertThat(status(basic(user, "wrong-again-" + i))).isEqualTo(401);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(status(basic(user, STRONG_PASSWORD))).isEqualTo(401);
        clock.advance(Duration.ofSeconds(60));
        assertThat(status(basic(user, STRONG_PASSWORD))).isEqualTo(200);

        // A successful sign-in clears the count.
        for (int i = 0; i < 4; i++) {
            assertThat(status(basic(user, "wrong-password-" + i))).isEqualTo(401);
        }
        assertThat(status(basic(user, STRONG_PASSWORD))).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(status(basic(user, "wrong-password-" + i))).isEqualTo(401);
        }
        assertThat(status(basic(user, STRONG_PASSWORD))).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select count(*) from staff_audit where action = 'ACCOUNT_LOCKED' and target = ?",
                        Integer.class,
                        user))
                .isEqualTo(2);
    }

    @Test
    void aRoleChangeHoldsFromTheNextRequestAndIsAudited() {
        String user = newUser(Role.RECEPTIONIST);
        String token = bearer(user, STRONG_PASSWORD);
        assertThat(json(post(token, ME, Map.of())).at("/data/me/role").asText()).isEqualTo("RECEPTIONIST");
        String requestId = "role-change-" + unique();

        JsonNode changed =
                graphql(admin, CHANGE_ROLE, map("username", user, "role", "BILLING"), "X-Request-Id", requestId);
        assertThat(changed.at("/data/changeStaffRole/user/role").asText()).isEqualTo("BILLING");

        assertThat(status(token)).isEqualTo(401);
        JsonNode register = json(post(
                basic(user, STRONG_PASSWORD),
                SecurityTest.REGISTER,
                Map.of("input", org.carelog.infra.patient.PatientFixtures.registration(unique()))));
        assertThat(register.at("/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
        assertThat(json(post(bearer(user, STRONG_PASSWORD), ME, Map.of()))
                        .at("/data/me/role")
                        .asText())
                .isEqualTo("BILLING");
        Map<String, Object> row = jdbc.queryForMap(
                "select actor, old_value, new_value, request_id, occurred_at from staff_audit"
                        + " where action = 'ROLE_CHANGED' and target = ?",
                user);
        assertThat(row)
                .containsEntry("actor", "admin")
                .containsEntry("old_value", "RECEPTIONIST")
                .containsEntry("new_value", "BILLING")
                .containsEntry("request_id", requestId);
        assertThat(row.get("occurred_at")).isNotNull();
    }

    @Test
    void aDisabledUsersTokenIsRefusedAtOnce() {
        String user = newUser(Role.NURSE);
        String token = bearer(user, STRONG_PASSWORD);
        assertThat(status(token)).isEqualTo(200);
        graphql(admin, DISABLE, map("username", user));
        assertThat(status(token)).isEqualTo(401);
        assertThat(status(basic(user, STRONG_PASSWORD))).isEqualTo(401);
        assertThat(postTo("/auth/token", basic(user, STRONG_PASSWORD)).statusCode())
                .isEqualTo(401);

        graphql(admin, ENABLE, map("username", user));
        assertThat(status(basic(user, STRONG_PASSWORD))).isEqualTo(200);
        assertThat(status(token))
                .as("enabling again does not revive old sessions")
                .isEqualTo(401);
        assertThat(jdbc.queryForList("select action from staff_audit where target = ? order by id", String.class, user))
                .containsExactly("USER_CREATED", "USER_DISABLED", "USER_ENABLED");
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledOrDemoted() {
        List<String> others = jdbc.queryForList(
                "select username from staff_user where role = 'ADMIN' and enabled and username <> 'admin'",
                String.class);
        others.forEach(other -> graphql(admin, DISABLE, map("username", other)));
        try {
            assertThat(graphql(admin, DISABLE, map("username", "admin"))
                            .at("/errors/0/extensions/code")
                            .asText())
                    .isEqualTo("CONFLICT");
            assertThat(graphql(admin, CHANGE_ROLE, map("username", "admin", "role", "AUDITOR"))
                            .at("/errors/0/extensions/code")
                            .asText())
                    .isEqualTo("CONFLICT");
            assertThat(status(admin)).isEqualTo(200);
            assertThat(json(post(admin, ME, Map.of())).at("/data/me/role").asText())
                    .isEqualTo("ADMIN");
        } finally {
            others.forEach(other -> graphql(admin, ENABLE, map("username", other)));
        }
    }

    @Test
    void logoutAndRevocationEndSessionsAtOnce() {
        String user = newUser(Role.AUDITOR);
        String token = bearer(user, STRONG_PASSWORD);
        assertThat(status(token)).isEqualTo(200);
        assertThat(postTo("/auth/logout", token).statusCode()).isEqualTo(204);
        assertThat(status(token)).isEqualTo(401);

        String first = bearer(user, STRONG_PASSWORD);
        String second = bearer(user, STRONG_PASSWORD);
        JsonNode revoked = graphql(admin, REVOKE, map("username", user));
        assertThat(revoked.at("/data/revokeStaffSessions/revokedSessions").asInt())
                .isEqualTo(2);
        assertThat(status(first)).isEqualTo(401);
        assertThat(status(second)).isEqualTo(401);
        assertThat(status(bearer(user, STRONG_PASSWORD))).isEqualTo(200);
    }

    @Test
    void aClinicalSessionEndsAfterFifteenIdleMinutesOthersAfterThirty() {
        String doctor = newUser(Role.DOCTOR);
        String receptionist = newUser(Role.RECEPTIONIST);
        String doctorToken = bearer(doctor, STRONG_PASSWORD);
        String receptionistToken = bearer(receptionist, STRONG_PASSWORD);

        clock.advance(Duration.ofMinutes(14));
        assertThat(status(doctorToken)).isEqualTo(200); // use keeps it alive
        clock.advance(Duration.ofMinutes(14));
        assertThat(status(doctorToken)).isEqualTo(200);
        assertThat(status(receptionistToken)).isEqualTo(200);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(status(doctorToken)).isEqualTo(401);
        assertThat(status(receptionistToken)).isEqualTo(200);
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        assertThat(status(receptionistToken)).isEqualTo(401);
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverBusy() {
        String user = newUser(Role.BILLING);
        String token = bearer(user, STRONG_PASSWORD);
        for (int i = 0; i < 28; i++) { // 11 h 40 min of steady use
            clock.advance(Duration.ofMinutes(25));
            assertThat(status(token)).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(status(token)).isEqualTo(401);
    }

    @Test
    void auditRowsCannotBeChangedOrDeleted() {
        String user = newUser(Role.NURSE);
        long id = jdbc.queryForObject("select max(id) from staff_audit where target = ?", Long.class, user);
        assertThatThrownBy(() -> jdbc.update("update staff_audit set actor = 'mallory' where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("staff_audit is append-only");
        assertThatThrownBy(() -> jdbc.update("delete from staff_audit where id = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("staff_audit is append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate staff_audit"))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("staff_audit is append-only");
        assertThat(jdbc.queryForObject("select actor from staff_audit where id = ?", String.class, id))
                .isEqualTo("admin");
    }

    @Test
    void onlyAdministratorsManageStaffAndARetriedCreationHasOneEffect() {
        String username = "retried-" + unique();
        Map<String, Object> input = map(
                "username",
                username,
                "displayName",
                "Retried",
                "role",
                "NURSE",
                "password",
                STRONG_PASSWORD,
                "idempotencyKey",
                "create-" + username);
        assertThat(graphql(admin, CREATE_USER, input).path("errors").isMissingNode())
                .isTrue();
        assertThat(graphql(admin, CREATE_USER, input)
                        .at("/data/createStaffUser/user/username")
                        .asText())
                .isEqualTo(username);
        assertThat(jdbc.queryForObject(
                        "select count(*) from staff_audit where target = ? and action = 'USER_CREATED'",
                        Integer.class,
                        username))
                .isEqualTo(1);

        JsonNode list = json(post(admin, "{ staffUsers { username role enabled mfaEnrolled } }", Map.of()));
        assertThat(list.at("/data/staffUsers").findValuesAsText("username")).contains(username, "admin");
        for (Role role : new Role[] {Role.DOCTOR, Role.RECEPTIONIST, Role.AUDITOR}) {
            assertThat(json(post(credentials(role), "{ staffUsers { username } }", Map.of()))
                            .at("/errors/0/extensions/code")
                            .asText())
                    .isEqualTo("FORBIDDEN");
            assertThat(graphql(credentials(role), CHANGE_ROLE, map("username", username, "role", "ADMIN"))
                            .at("/errors/0/extensions/code")
                            .asText())
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(accounts.find(username).orElseThrow().role()).isEqualTo(Role.NURSE);
    }

    @Test
    void responsesForbidFramingSniffingCachingAndForeignContent() throws Exception {
        var response = post(credentials(Role.RECEPTIONIST), ME, Map.of());
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(GraphiqlPolicy.API_POLICY);
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        // HSTS is only sent over HTTPS (browsers ignore it over HTTP); see docs/configuration.md.
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();

        var graphiql = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/graphiql?path=/graphql"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(graphiql.statusCode()).isEqualTo(200);
        String policy = graphiql.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src https://esm.sh 'sha256-").doesNotContain("unsafe-inline");
        assertThat(policy).contains("frame-ancestors 'none'");
        var inline = java.util.regex.Pattern.compile("<script[^>]*>(.*?)</script>", java.util.regex.Pattern.DOTALL)
                .matcher(graphiql.body());
        int blocks = 0;
        while (inline.find()) {
            if (!inline.group(1).isBlank()) {
                blocks++;
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(inline.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                assertThat(policy)
                        .contains("'sha256-" + java.util.Base64.getEncoder().encodeToString(digest) + "'");
            }
        }
        assertThat(blocks).as("inline scripts of the page served").isPositive();
    }
}
