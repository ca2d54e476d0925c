package org.carelog.infra.clinical;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.carelog.api.common.MetadataKeys;
import org.carelog.api.lab.LabOrderId;
import org.carelog.api.lab.LabOrderKind;
import org.carelog.api.lab.LabPriority;
import org.carelog.api.lab.LabResult;
import org.carelog.api.lab.LabResultEntered;
import org.carelog.api.lab.LabResultVerified;
import org.carelog.api.lab.LabSampleCollected;
import org.carelog.api.lab.LabTestOrdered;
import org.carelog.api.patient.PatientId;
import org.carelog.infra.InProcessBenchmarks;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A full rebuild of the clinical read models over encrypted events (not a test: run it by hand, see
 * docs/PERFORMANCE.md, "Health record"). Boots Carelog in this JVM on a fresh durable embedded PostgreSQL, appends
 * {@code -Dpatients} patients' clinical histories through the event store ({@code -DordersPerPatient} lab orders
 * each: ordered, collected, resulted, verified; every patient has their own key), waits until the live read models
 * have them, then {@code -Drounds} times per read model: stops its processor, resets its tokens, starts it and
 * times until it has left replay mode. {@code -Djfr=true} records the rounds.
 */
public final class ClinicalReplayBenchmark {

    private static final int APPEND_BATCH = 400;
    static final List<String> MODELS = List.of("lab-orders");

    /** How to count each model's rows: one per order. */
    static final Map<String, String> COUNTS =
            Map.of("lab-orders", "select count(*) from lab_order where status = 'VERIFIED'");

    private ClinicalReplayBenchmark() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int patients = Integer.getInteger("patients", 2_000);
        int ordersPerPatient = Integer.getInteger("ordersPerPatient", 5);
        int rounds = Integer.getInteger("rounds", 2);
        boolean jfr = Boolean.getBoolean("jfr");
        Path work = Files.createTempDirectory("carelog-clinical-replay-");
        try (ConfigurableApplicationContext carelog = InProcessBenchmarks.start(work)) {
            EventStore events = carelog.getBean(EventStore.class);
            JdbcTemplate jdbc = carelog.getBean(JdbcTemplate.class);
            long appendStart = System.nanoTime();
            InProcessBenchmarks.Appender batch = new InProcessBenchmarks.Appender(events, APPEND_BATCH);
            for (int p = 0; p < patients; p++) {
                PatientId patient = PatientId.random();
                for (int o = 0; o < ordersPerPatient; o++) {
                    LabOrderId order = LabOrderId.random();
                    BiConsumer<Integer, Object> add = (sequence, payload) -> batch.add(new GenericDomainEventMessage<>(
                            "LabOrder",
                            order.toString(),
                            sequence,
                            payload,
                            MetaData.from(
                                    Map.of(MetadataKeys.USERNAME, "bench", MetadataKeys.ROLE, "LAB_TECHNICIAN"))));
                    add.accept(
                            0,
                            new LabTestOrdered(
                                    patient,
                                    order,
                                    null,
                                    LabOrderKind.LAB,
                                    "718-7",
                                    "Hemoglobin [Mass/volume] in Blood",
                                    LabPriority.ROUTINE,
                                    "pale"));
                    add.accept(1, new LabSampleCollected(patient, order, "EDTA blood"));
                    add.accept(
                            2,
                            new LabResultEntered(
                                    patient,
                                    order,
                                    1,
                                    LabResult.interpret(
                                            String.valueOf(9 + o),
                                            "g/dL",
                                            new BigDecimal("12"),
                                            new BigDecimal("16"),
                                            null,
                                            null,
                                            null,
                                            null,
                                            null)));
                    add.accept(3, new LabResultVerified(patient, order, 1));
                }
            }
            long appended = batch.finish();
            double appendSeconds = seconds(appendStart);
            System.out.printf(
                    "appended %,d encrypted lab events in %.1f s (%,.0f/s)%n",
                    appended, appendSeconds, appended / appendSeconds);
            EventProcessingConfiguration processing = carelog.getBean(EventProcessingConfiguration.class);
            Recording recording = null;
            if (jfr) {
                recording = new Recording(Configuration.getConfiguration("profile"));
                recording.setDestination(work.resolve("clinical-replay.jfr"));
                recording.start();
            }
            for (String model : MODELS) {
                StreamingEventProcessor processor = processing
                        .eventProcessor(model, StreamingEventProcessor.class)
                        .orElseThrow();
                awaitCaughtUp(processor, jdbc, (long) patients * ordersPerPatient);
                InProcessBenchmarks.timeRebuilds(
                        processor,
                        rounds,
                        appended,
                        rebuilding -> awaitCaughtUp(rebuilding, jdbc, (long) patients * ordersPerPatient));
            }
            if (recording != null) {
                recording.stop();
                recording.close();
                System.out.println("flight recording: " + work.resolve("clinical-replay.jfr"));
            }
        }
        System.out.println("work directory: " + work);
    }

    /** Until the model's table has every order verified and the processor no longer replays. */
    private static void awaitCaughtUp(StreamingEventProcessor processor, JdbcTemplate jdbc, long rows)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        String count = COUNTS.get(processor.getName());
        while (System.nanoTime() < deadline) {
            if (!processor.isReplaying() && jdbc.queryForObject(count, Long.class) >= rows) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(processor.getName() + " did not catch up within 30 minutes");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
