package org.carelog.infra.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * The embedded PostgreSQL on a Carelog data directory, started by the tool itself while Carelog is
 * stopped: with the same durable settings as the application (EmbeddedDatabaseConfiguration) and on a
 * free port, so it never meets a running Carelog.
 */
final class EmbeddedServer implements AutoCloseable {

    static final String DATABASE = "carelog";

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedServer start(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Optional<Long> running = runningServer(directory);
        if (running.isPresent()) {
            throw new BackupException("PostgreSQL (pid " + running.get() + ") is running on " + directory
                    + ": stop Carelog first, or leave out --data-dir and connect to it with --url");
        }
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(0)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            createDatabase(postgres);
            return new EmbeddedServer(postgres);
        } catch (IOException | SQLException e) {
            throw new BackupException(
                    "could not start the embedded PostgreSQL on " + directory + ": " + e.getMessage(), e);
        }
    }

    DatabaseTarget target() {
        return new DatabaseTarget(postgres.getJdbcUrl("postgres", DATABASE), "postgres", "");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new BackupException("the embedded PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** Same as Carelog's own start: a UTF-8 database created from template0. */
    private static void createDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
                    }
                }
            }
        }
    }

    private static Optional<Long> runningServer(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(pidFile).stream()
                    .findFirst()
                    .map(String::strip)
                    .filter(s -> s.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(ProcessHandle::isAlive)
                    .map(ProcessHandle::pid);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
