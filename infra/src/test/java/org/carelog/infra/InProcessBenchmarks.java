package org.carelog.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the in-process benchmarks of the infra test tree share (ReplayBenchmark, ClinicalReplayBenchmark,
 * ReportsBenchmark: not tests, run by hand, see docs/PERFORMANCE.md): Carelog started in this JVM on a fresh
 * durable embedded PostgreSQL under a work directory, and timed rebuilds of an event processor.
 */
public final class InProcessBenchmarks {

    /** The administrator's password of a benchmark's Carelog. */
    public static final String ADMIN_PASSWORD = "Replay-benchmark-only-2026";

    private InProcessBenchmarks() {}

    /** Starts Carelog on a random port with its database and keys under {@code work}, plus {@code extra} arguments. */
    public static ConfigurableApplicationContext start(Path work, String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--carelog.database.embedded.port=0",
                "--carelog.database.embedded.data-directory=" + work.resolve("data"),
                "--carelog.privacy.master-key-file=" + work.resolve("keys/master.key"),
                "--carelog.audit.signing-key-file=" + work.resolve("keys/audit-signing.key"),
                "--carelog.admin.password=" + ADMIN_PASSWORD,
                "--logging.level.root=warn"));
        arguments.addAll(List.of(extra));
        return new SpringApplicationBuilder(CarelogApplication.class).run(arguments.toArray(String[]::new));
    }

    /** Appends events through the event store in batches of a given size; counts what it appended. */
    public static final class Appender {
        private final EventStore events;
        private final int size;
        private final List<EventMessage<?>> batch = new ArrayList<>();
        private long appended;

        public Appender(EventStore events, int size) {
            this.events = events;
            this.size = size;
        }

        public void add(EventMessage<?> event) {
            batch.add(event);
            if (batch.size() >= size) {
                flush();
            }
        }

        /** Appends what is left; returns how many events were appended in all. */
        public long finish() {
            flush();
            return appended;
        }

        private void flush() {
            if (!batch.isEmpty()) {
                events.publish(batch);
                appended += batch.size();
                batch.clear();
            }
        }
    }

    /** How a benchmark knows a rebuild is complete. */
    @FunctionalInterface
    public interface Completion {
        void await(StreamingEventProcessor processor) throws InterruptedException;
    }

    /**
     * {@code rounds} times: stops the processor, resets its tokens, starts it and times it until {@code done};
     * prints each round's events per second over {@code events}.
     */
    public static void timeRebuilds(StreamingEventProcessor processor, int rounds, long events, Completion done)
            throws InterruptedException {
        for (int round = 1; round <= rounds; round++) {
            processor.shutDown();
            processor.resetTokens();
            long start = System.nanoTime();
            processor.start();
            done.await(processor);
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "%s rebuild round %d: %,d events in %.2f s: %,.0f events/s%n",
                    processor.getName(), round, events, elapsed, events / elapsed);
        }
    }

    /**
     * Until every segment of the processor has an error-free token at or past {@code head} (not
     * {@code isReplaying()}: a replay token whose reset position has gaps stays "replaying" until a later event).
     */
    public static void awaitAt(StreamingEventProcessor processor, long head) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(60);
        long report = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (!status.isEmpty()
                    && status.values().stream()
                            .allMatch(s ->
                                    !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head)) {
                return;
            }
            if (System.nanoTime() > report) {
                System.out.println(processor.getName() + " still working: " + status);
                report = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(processor.getName() + " did not catch up within an hour");
    }
}
