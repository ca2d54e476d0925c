package org.carelog.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** Carelog's GraphQL API over HTTP/1.1 with a bearer token, as a client application uses it. */
final class GraphQlClient {

    private static final String REGISTER =
            "mutation Register($input: RegisterPatientInput!) { registerPatient(input: $input) { patientId mrn } }";
    private static final String SEARCH =
            "query Search($q: String!) { patients(search: $q, first: 1) { edges { node { id } } } }";

    private static final java.util.concurrent.atomic.LongAdder REGISTERED = new java.util.concurrent.atomic.LongAdder();

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final URI endpoint;
    private final String bearer;

    private GraphQlClient(HttpClient http, URI endpoint, String bearer) {
        this.http = http;
        this.endpoint = endpoint;
        this.bearer = bearer;
    }

    /** Signs in as admin with HTTP Basic at /auth/token and keeps the bearer token. */
    static GraphQlClient signIn(String baseUrl, String user, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/auth/token"))
                        .header("Authorization", "Basic " + basic)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("POST /auth/token gave HTTP " + r.statusCode() + ": " + r.body());
        }
        String token =
                new ObjectMapper().readTree(r.body()).path("access_token").asText();
        if (token.isEmpty()) {
            throw new IllegalStateException("no access_token in " + r.body());
        }
        return new GraphQlClient(http, URI.create(baseUrl + "/graphql"), "Bearer " + token);
    }

    /** The bearer token this client signed in with ({@code Bearer ...}). */
    String authorization() {
        return bearer;
    }

    /** Successful registrations by every client in this JVM, warm-ups included. */
    static long registeredSoFar() {
        return REGISTERED.sum();
    }

    /** The outcome of one registration: the MRN, or an error kind (HTTP status or GraphQL code). */
    record Registered(String patientId, String mrn, String error) {}

    Registered register(ObjectNode input) throws IOException, InterruptedException {
        JsonNode body = post(REGISTER, Map.of("input", input));
        if (body.has("httpError")) {
            return new Registered(null, null, body.get("httpError").asText());
        }
        String error = graphQlError(body);
        if (error != null) {
            return new Registered(null, null, error);
        }
        JsonNode payload = body.path("data").path("registerPatient");
        if (!payload.hasNonNull("mrn") || !payload.hasNonNull("patientId")) {
            return new Registered(null, null, "no payload");
        }
        REGISTERED.increment();
        return new Registered(
                payload.get("patientId").asText(), payload.get("mrn").asText(), null);
    }

    /**
     * Searches by MRN. Returns "found", "absent", or an error kind; found only when the patient with
     * that id is the hit.
     */
    String search(String mrn, String patientId) throws IOException, InterruptedException {
        JsonNode body = post(SEARCH, Map.of("q", mrn));
        if (body.has("httpError")) {
            return body.get("httpError").asText();
        }
        String error = graphQlError(body);
        if (error != null) {
            return error;
        }
        JsonNode edges = body.path("data").path("patients").path("edges");
        if (!edges.isArray()) {
            return "no data";
        }
        if (edges.isEmpty()) {
            return "absent";
        }
        return patientId.equals(edges.get(0).path("node").path("id").asText()) ? "found" : "wrong patient";
    }

    /** The error kind of a response (code and message), or null when it succeeded. */
    static String errorOf(JsonNode body) {
        return body.has("httpError") ? body.get("httpError").asText() : graphQlError(body);
    }

    /** Any GraphQL document; the response body, or {@code {"httpError": ...}}. */
    JsonNode post(String document, Map<String, Object> variables) throws IOException, InterruptedException {
        byte[] request = json.writeValueAsBytes(Map.of("query", document, "variables", variables));
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(endpoint)
                        .header("Authorization", bearer)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            return json.createObjectNode().put("httpError", "HTTP " + r.statusCode());
        }
        return json.readTree(r.body());
    }

    /** The first error as "CODE: message", or null when there is none. */
    static String graphQlError(JsonNode body) {
        JsonNode errors = body.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return null;
        }
        JsonNode first = errors.get(0);
        String code = first.path("extensions").path("code").asText("");
        if (code.isEmpty()) {
            code = first.path("extensions").path("classification").asText("GRAPHQL");
        }
        return code + ": " + first.path("message").asText("");
    }
}
