package org.carelog.infra.privacy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.carelog.api.patient.Address;
import org.carelog.api.patient.BirthDate;
import org.carelog.api.patient.BloodGroup;
import org.carelog.api.patient.CommunicationConsent;
import org.carelog.api.patient.EmailAddress;
import org.carelog.api.patient.Language;
import org.carelog.api.patient.MedicalRecordNumber;
import org.carelog.api.patient.NationalId;
import org.carelog.api.patient.PatientContact;
import org.carelog.api.patient.PatientDemographics;
import org.carelog.api.patient.PatientId;
import org.carelog.api.patient.PatientIdentifiers;
import org.carelog.api.patient.PatientRegistered;
import org.carelog.api.patient.PersonName;
import org.carelog.api.patient.PhoneNumber;
import org.carelog.api.patient.Sex;
import org.carelog.infra.InProcessBenchmarks;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A full replay of the patient-directory projection over encrypted events (not a test: run it by hand, see
 * docs/PERFORMANCE.md, "Privacy"). Boots Carelog in this JVM on a fresh durable embedded PostgreSQL, appends
 * {@code -Dpatients} encrypted PatientRegistered events through the event store (each patient gets a key, as in a
 * registration; no HTTP or command handling, which a replay never runs), waits until the live projection has them,
 * then {@code -Drounds} times: stops the processor, resets its tokens (the reset handler clears the table), starts
 * it and times until the directory holds every patient again and the processor has left replay mode.
 * {@code -Djfr=true} records the rounds with JDK Flight Recorder ("profile" settings).
 */
public final class ReplayBenchmark {

    private static final int APPEND_BATCH = 500;

    private ReplayBenchmark() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int patients = Integer.getInteger("patients", 100_000);
        int rounds = Integer.getInteger("rounds", 3);
        boolean jfr = Boolean.getBoolean("jfr");
        Path work = Files.createTempDirectory("carelog-replay-");
        // command-line arguments: they win over application.yml (default properties would not)
        String cacheSize = System.getProperty("keyCacheSize");
        try (ConfigurableApplicationContext carelog = cacheSize == null
                ? InProcessBenchmarks.start(work)
                : InProcessBenchmarks.start(work, "--carelog.privacy.key-cache-size=" + cacheSize)) {
            JdbcTemplate jdbc = carelog.getBean(JdbcTemplate.class);
            EventStore events = carelog.getBean(EventStore.class);
            long appendStart = System.nanoTime();
            for (int i = 0; i < patients; i += APPEND_BATCH) {
                List<EventMessage<?>> batch = new ArrayList<>();
                for (int j = i; j < Math.min(patients, i + APPEND_BATCH); j++) {
                    PatientId id = PatientId.random();
                    batch.add(new GenericDomainEventMessage<>("Patient", id.toString(), 0, registered(id, j)));
                }
                events.publish(batch);
            }
            double appendSeconds = seconds(appendStart);
            System.out.printf(
                    "appended %,d encrypted PatientRegistered in %.1f s (%,.0f/s)%n",
                    patients, appendSeconds, patients / appendSeconds);
            awaitDirectory(jdbc, patients, null);

            StreamingEventProcessor directory = carelog.getBean(EventProcessingConfiguration.class)
                    .eventProcessor("patient-directory", StreamingEventProcessor.class)
                    .orElseThrow();
            Recording recording = null;
            if (jfr) {
                recording = new Recording(Configuration.getConfiguration("profile"));
                recording.setDestination(work.resolve("replay.jfr"));
                recording.start();
            }
            for (int round = 1; round <= rounds; round++) {
                directory.shutDown();
                directory.resetTokens();
                long start = System.nanoTime();
                directory.start();
                awaitDirectory(jdbc, patients, directory);
                double elapsed = seconds(start);
                System.out.printf(
                        "round %d: replayed %,d events into the directory in %.2f s: %,.0f events/s%n",
                        round, patients, elapsed, patients / elapsed);
            }
            if (recording != null) {
                recording.stop();
                recording.close();
                System.out.println("flight recording: " + work.resolve("replay.jfr"));
            }
        }
        System.out.println("work directory (data, keys" + (jfr ? ", recording" : "") + "): " + work);
    }

    /** Until the directory has every patient and the processor, if given, no longer replays. */
    private static void awaitDirectory(JdbcTemplate jdbc, int patients, StreamingEventProcessor replaying)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline) {
            Long rows = jdbc.queryForObject("select count(*) from patient_directory", Long.class);
            if (rows >= patients && (replaying == null || !replaying.isReplaying())) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the directory did not catch up within 30 minutes");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** n written with 10 consecutive letters from {@code zero} on (names take no digits). */
    private static String letters(int n, char zero) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append((char) (zero + (c - '0')));
        }
        return s.toString();
    }

    /** A patient like a real registration: names, phone, national id and address are personal (encrypted). */
    public static PatientRegistered registered(PatientId id, int n) {
        return new PatientRegistered(
                id,
                MedicalRecordNumber.of("CLG", n + 1),
                new PatientDemographics(
                        PersonName.of("রহিমা " + letters(n, 'ক'), "Rahima " + letters(n, 'a')),
                        Sex.FEMALE,
                        BirthDate.exact(LocalDate.of(1950, 1, 1).plusDays(n % 20_000), LocalDate.of(2026, 1, 1)),
                        BloodGroup.A_POSITIVE),
                new PatientIdentifiers(NationalId.parse(String.format("%010d", 1_000_000_000L + n)), null),
                new PatientContact(
                        PhoneNumber.mobile(String.format("017%08d", n)),
                        EmailAddress.parse("replay" + n + "@example.org"),
                        Address.of("30", "3026", null, "House " + n + ", Road 4"),
                        null,
                        Language.BN),
                new CommunicationConsent(true, false),
                null);
    }
}
