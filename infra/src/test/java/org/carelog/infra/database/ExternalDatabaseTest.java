package org.carelog.infra.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.carelog.infra.CarelogApplication;
import org.carelog.infra.IntegrationTest;
import org.carelog.infra.patient.PatientFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.datasource.url} set, Carelog uses that server and starts no PostgreSQL of its own.
 * The "external" server here is one this test starts itself.
 */
@SpringBootTest(
        classes = CarelogApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "carelog.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
            "carelog.security.mfa.required-roles=",
            "carelog.privacy.master-key-file=target/it-keys/master.key",
            "carelog.audit.signing-key-file=target/it-keys/audit-signing.key",
            "carelog.database.embedded.data-directory=target/it-data/must-not-exist"
        })
// The context closes after this class while the server still runs; zonky's hook stops it at JVM exit.
@DirtiesContext
class ExternalDatabaseTest {

    static final EmbeddedPostgres EXTERNAL = start();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EXTERNAL.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Test
    void theConfiguredServerIsUsedAndNoEmbeddedOneStarts() throws Exception {
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        assertThat(Files.exists(Path.of("target/it-data/must-not-exist"))).isFalse();

        String body = new ObjectMapper()
                .writeValueAsString(Map.of(
                        "query",
                        "mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { mrn } }",
                        "variables",
                        Map.of("input", PatientFixtures.registration(777_001))));
        String admin =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + IntegrationTest.ADMIN_PASSWORD).getBytes());
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", admin)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"mrn\":\"CLG-");

        assertThat(jdbc.queryForObject("select current_setting('port')", Integer.class))
                .isEqualTo(EXTERNAL.getPort());
        try (var connection = EXTERNAL.getPostgresDatabase().getConnection();
                var rs = connection
                        .createStatement()
                        .executeQuery(
                                "select count(*) from domainevententry where payloadtype like '%PatientRegistered'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the event is in the configured server").isEqualTo(1);
        }
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setPort(0).start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
