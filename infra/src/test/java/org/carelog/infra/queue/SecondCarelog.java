package org.carelog.infra.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.carelog.infra.CarelogApplication;
import org.carelog.infra.IntegrationTest;

/**
 * Another Carelog process on the test application's database, as a second node of a deployment would
 * run: its own JVM, HTTP port and event processors, the same PostgreSQL and master key.
 */
final class SecondCarelog implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Process process;
    final int port;
    final Path log;

    private SecondCarelog(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static SecondCarelog start(DataSource database, Path log) throws IOException {
        HikariDataSource hikari = (HikariDataSource) database;
        int port = freePort();
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CarelogApplication.class.getName(),
                        "--server.port=" + port,
                        "--spring.datasource.url=" + hikari.getJdbcUrl(),
                        "--spring.datasource.username=" + hikari.getUsername(),
                        "--carelog.privacy.master-key-file=target/it-keys/master.key",
                        "--carelog.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
                        "--carelog.security.mfa.required-roles=")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        SecondCarelog second = new SecondCarelog(process, port, log);
        second.awaitReady();
        return second;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("second Carelog is running; log: %s", log)
                            .isTrue();
                    return HTTP.send(
                                            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode()
                            == 200;
                });
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
