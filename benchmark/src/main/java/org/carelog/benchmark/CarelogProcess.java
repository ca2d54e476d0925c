package org.carelog.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Carelog started from its built jar as a child process, on a fresh data directory and free ports
 * (both chosen by the child and read back from its log), and everything that belongs to it: the
 * embedded PostgreSQL's postmaster and backends.
 */
final class CarelogProcess implements AutoCloseable {

    private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");
    private static final Pattern PG_PORT = Pattern.compile("Embedded PostgreSQL on localhost:(\\d+)");
    private static final Pattern EXCEPTION_LINE = Pattern.compile("^(Caused by: )?[\\w.$]+(Exception|Error)\\b");

    final Path dataDirectory;
    final Path log;
    final String adminPassword;
    final List<String> command;
    private final long startNanos;
    private final Process process;
    private int httpPort;
    private int postgresPort;
    private long postmasterPid = -1;

    private CarelogProcess(
            Path dataDirectory, Path log, String adminPassword, List<String> command, long startNanos, Process p) {
        this.dataDirectory = dataDirectory;
        this.log = log;
        this.adminPassword = adminPassword;
        this.command = command;
        this.startNanos = startNanos;
        this.process = p;
    }

    static CarelogProcess start(Settings settings, Path workDirectory) throws IOException {
        return start(settings, workDirectory, java.util.Map.of());
    }

    /** Starts Carelog with extra environment variables (settings a scenario needs, such as a secret it shares). */
    static CarelogProcess start(Settings settings, Path workDirectory, java.util.Map<String, String> environment)
            throws IOException {
        if (!Files.isRegularFile(settings.carelogJar())) {
            throw new IllegalStateException(
                    "no Carelog jar at " + settings.carelogJar().toAbsolutePath()
                            + "; build it with ./mvnw -q -B -pl infra,benchmark -am package -DskipTests");
        }
        Path data = Files.createTempDirectory("carelog-bench-data-");
        Path log = workDirectory.resolve("carelog-child.log");
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Daxoniq.update-checker.disabled=true");
        if (!settings.childJvmArgs().isBlank()) {
            command.addAll(List.of(settings.childJvmArgs().strip().split("\\s+")));
        }
        command.add("-jar");
        command.add(settings.carelogJar().toAbsolutePath().toString());
        command.add("--server.port=0");
        command.add("--carelog.database.embedded.port=0");
        command.add("--carelog.database.embedded.data-directory=" + data);
        // The benchmark signs in as the administrator with a password; MFA (required for ADMIN by default)
        // changes how a token is obtained, not what a registration costs.
        command.add("--carelog.security.mfa.required-roles=");
        if (!settings.childArgs().isBlank()) {
            command.addAll(List.of(settings.childArgs().strip().split("\\s+")));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(workDirectory.toFile());
        builder.environment().put("CARELOG_ADMIN_PASSWORD", password);
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        return new CarelogProcess(data, log, password, command, start, process);
    }

    /** Waits until the readiness probe says UP; returns the time since the process was started. */
    Duration awaitReady(int timeoutSeconds) throws Exception {
        long deadline = startNanos + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Carelog exited with " + process.exitValue() + " during start; see " + log.toAbsolutePath());
            }
            if (httpPort == 0) {
                readPorts();
            }
            if (httpPort != 0) {
                try {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        Duration ready = Duration.ofNanos(System.nanoTime() - startNanos);
                        readPorts();
                        return ready;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Carelog not ready within " + timeoutSeconds + " s; see " + log);
    }

    private void readPorts() throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Matcher http = HTTP_PORT.matcher(text);
        if (http.find()) {
            httpPort = Integer.parseInt(http.group(1));
        }
        Matcher pg = PG_PORT.matcher(text);
        if (pg.find()) {
            postgresPort = Integer.parseInt(pg.group(1));
        }
    }

    String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/carelog";
    }

    long javaPid() {
        return process.pid();
    }

    /**
     * PostgreSQL's processes. pg_ctl starts the postmaster detached, so it is normally re-parented to
     * init and is not a descendant of the Java process; it is found by the pid in its data directory's
     * postmaster.pid instead, and its backends as its descendants.
     */
    List<ProcessHandle> postgresProcesses() {
        List<ProcessHandle> found = new ArrayList<>(process.descendants()
                .filter(p -> p.info().command().orElse("").contains("postgres"))
                .toList());
        postmaster().ifPresent(pm -> {
            if (found.stream().noneMatch(p -> p.pid() == pm.pid())) {
                found.add(pm);
                pm.descendants().forEach(found::add);
            }
        });
        return found;
    }

    /** Whether the postmaster was found among the Java process's descendants. */
    boolean postmasterIsDescendant() {
        Optional<ProcessHandle> pm = postmaster();
        return pm.isPresent()
                && process.descendants().anyMatch(p -> p.pid() == pm.get().pid());
    }

    Optional<ProcessHandle> postmaster() {
        if (postmasterPid < 0) {
            try {
                Path pidFile = dataDirectory.resolve("postmaster.pid");
                if (Files.exists(pidFile)) {
                    postmasterPid =
                            Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                }
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return postmasterPid < 0 ? Optional.empty() : ProcessHandle.of(postmasterPid);
    }

    MemorySnapshot memory() {
        List<ProcessHandle> pg = postgresProcesses();
        long pgRss =
                pg.stream().mapToLong(p -> Math.max(0, Proc.rssKib(p.pid()))).sum();
        long pgPss =
                pg.stream().mapToLong(p -> Math.max(0, Proc.pssKib(p.pid()))).sum();
        return new MemorySnapshot(Proc.rssKib(javaPid()), pgRss, pgPss, pg.size());
    }

    /** CPU ticks used so far by the Java process and by PostgreSQL's live processes. */
    long[] cpuTicks() {
        long pg = postgresProcesses().stream()
                .mapToLong(p -> Proc.cpuTicks(p.pid()))
                .sum();
        return new long[] {Proc.cpuTicks(javaPid()), pg};
    }

    /** SIGTERM, then waits; what a service manager does. */
    Shutdown terminate(int timeoutSeconds) throws InterruptedException {
        Optional<ProcessHandle> pm = postmaster();
        long logOffset = log.toFile().length();
        long start = System.nanoTime();
        process.destroy(); // SIGTERM on Linux
        boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        boolean postgresStopped = pm.map(p -> {
                    try {
                        p.onExit().get(timeoutSeconds, TimeUnit.SECONDS);
                        return true;
                    } catch (Exception e) {
                        return false;
                    }
                })
                .orElse(true);
        boolean pidFileGone = !Files.exists(dataDirectory.resolve("postmaster.pid"));
        List<String> problems = problemsInLogAfter(logOffset);
        return new Shutdown(
                exited,
                exited ? process.exitValue() : -1,
                took,
                postgresStopped,
                pidFileGone,
                problems.size(),
                problems.isEmpty() ? "" : problems.get(0));
    }

    /** WARN and ERROR records and exception lines the child logged after the given offset. */
    private List<String> problemsInLogAfter(long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            String tail = new String(
                    all,
                    (int) Math.min(offset, all.length),
                    (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
            return tail.lines()
                    .filter(l -> l.contains(" WARN ")
                            || l.contains(" ERROR ")
                            || EXCEPTION_LINE.matcher(l).find())
                    .toList();
        } catch (IOException e) {
            return List.of("could not read " + log + ": " + e);
        }
    }

    /** Kills whatever is left (only this run's processes) and deletes the data directory. */
    @Override
    public void close() {
        Optional<ProcessHandle> pm = postmaster();
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pm.filter(ProcessHandle::isAlive).ifPresent(p -> {
            p.destroy(); // smart shutdown of our own orphaned postmaster
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    void deleteDataDirectory() {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dataDirectory + ": " + e);
        }
    }

    record MemorySnapshot(long javaRssKib, long postgresRssKib, long postgresPssKib, int postgresProcesses) {}

    /**
     * @param logProblems WARN/ERROR records and exception lines in the child's log after SIGTERM
     */
    record Shutdown(
            boolean exited,
            int exitCode,
            Duration took,
            boolean postgresStopped,
            boolean pidFileGone,
            int logProblems,
            String firstLogProblem) {
        /**
         * The JVM exits with 143 (128 + SIGTERM) after its shutdown hooks ran; 0 is fine too. Clean also
         * means nothing went wrong on the way down.
         */
        boolean clean() {
            return exited && (exitCode == 143 || exitCode == 0) && postgresStopped && pidFileGone && logProblems == 0;
        }
    }
}
