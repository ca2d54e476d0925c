package org.carelog.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.carelog.infra.IntegrationTest;

/** Token and logout requests over HTTP, and the staff administration documents. */
abstract class SignInTestSupport extends IntegrationTest {

    static final String ME = "{ me { username role mfaEnrollmentRequired } }";
    static final String PATIENTS = "{ patients(first: 1) { edges { cursor } } }";
    static final String CREATE_USER = "mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input)"
            + " { user { username role enabled mfaEnrolled } } }";
    static final String CHANGE_ROLE =
            "mutation($input: ChangeStaffRoleInput!) { changeStaffRole(input: $input) { user { username role } } }";
    static final String DISABLE =
            "mutation($input: StaffUserInput!) { disableStaffUser(input: $input) { user { username enabled } } }";
    static final String ENABLE =
            "mutation($input: StaffUserInput!) { enableStaffUser(input: $input) { user { username enabled } } }";
    static final String RESET = "mutation($input: ResetStaffPasswordInput!) { resetStaffPassword(input: $input)"
            + " { user { username } } }";
    static final String REVOKE = "mutation($input: StaffUserInput!) { revokeStaffSessions(input: $input)"
            + " { username revokedSessions } }";

    static final String STRONG_PASSWORD = "Jackfruit-monsoon-ferry-58";

    HttpResponse<String> postTo(String path, String authorization, String... headers) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.noBody()),
                authorization,
                headers);
    }

    /** Signs in at POST /auth/token and returns the Authorization header value for the token. */
    String bearer(String username, String password, String... headers) {
        HttpResponse<String> issued = postTo("/auth/token", basic(username, password), headers);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return "Bearer " + json(issued).get("access_token").asText();
    }

    int status(String authorization) {
        return post(authorization, ME, Map.of()).statusCode();
    }

    JsonNode graphql(String authorization, String document, Map<String, Object> input, String... headers) {
        return json(post(authorization, document, Map.of("input", input), headers));
    }
}
