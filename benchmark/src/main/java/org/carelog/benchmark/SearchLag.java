package org.carelog.benchmark;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long after a registration's HTTP response the patient is found by {@code patients(search:
 * MRN)}: every Nth successful registration in the measured window is polled from a separate, small
 * thread pool until the search finds it. The lag is the time from the registration's response to the
 * response of the first search that found the patient, so it includes one search round trip and up to
 * one poll interval.
 */
final class SearchLag {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final GraphQlClient client;
    private final Patients patients;
    private final Settings settings;

    SearchLag(GraphQlClient client, Patients patients, Settings settings) {
        this.client = client;
        this.patients = patients;
        this.settings = settings;
    }

    /**
     * @param mode how the load was applied
     * @param targetPerSecond the paced rate asked for (NaN for flat out)
     * @param registrations registrations started in the window, their latency and errors (paced:
     *     latency from the scheduled start, so queueing in the client counts)
     * @param lag the lag of sampled registrations that were found
     * @param timeouts samples not found within 30 s
     * @param searchErrors failed searches
     */
    record Result(
            String mode,
            double targetPerSecond,
            Recorder.Summary registrations,
            Recorder.Summary lag,
            long samples,
            long timeouts,
            Recorder.Summary searchErrors,
            long searches,
            CpuWindow.Result cpu) {}

    /** Open loop: registrations start on a fixed schedule whatever the server's latency. */
    Result paced(double perSecond, CpuWindow cpu) throws InterruptedException {
        Probe probe = new Probe();
        Recorder registrations = new Recorder();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(settings.warmupSeconds());
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(settings.lagSeconds());
        boolean cpuStarted = false;
        for (long i = 0; ; i++) {
            long scheduled = start + i * interval;
            if (scheduled >= measureTo) {
                break;
            }
            if (!cpuStarted && scheduled >= measureFrom) {
                cpu.begin();
                cpuStarted = true;
            }
            ClosedLoop.sleepUntil(scheduled);
            boolean measured = scheduled >= measureFrom;
            workers.execute(() -> {
                String error = probe.registerAndSample(measured);
                if (measured) {
                    if (error == null) {
                        registrations.success(System.nanoTime() - scheduled);
                    } else {
                        registrations.error(error);
                    }
                }
            });
        }
        ClosedLoop.sleepUntil(measureTo);
        cpu.end();
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        return probe.finish("paced (open loop)", perSecond, registrations.summary(settings.lagSeconds()), cpu);
    }

    /** Closed loop: the given number of clients flat out, as in the throughput runs. */
    Result flatOut(int clients, CpuWindow cpu) throws InterruptedException {
        Probe probe = new Probe();
        // The loop only records inside its window (it starts now); sample only there too.
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.warmupSeconds());
        Recorder.Summary registrations = ClosedLoop.run(
                clients,
                settings.warmupSeconds(),
                settings.lagSeconds(),
                () -> () -> probe.registerAndSample(System.nanoTime() >= measureFrom),
                cpu);
        return probe.finish("peak, " + clients + " clients flat out", Double.NaN, registrations, cpu);
    }

    /** Registers, and hands every Nth success in the window to the pollers. */
    private final class Probe {
        final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(settings.pollerThreads());
        final Recorder lag = new Recorder();
        final Recorder searchErrors = new Recorder();
        final AtomicLong successes = new AtomicLong();
        final LongAdder samples = new LongAdder();
        final LongAdder timeouts = new LongAdder();
        final LongAdder searches = new LongAdder();
        final LongAdder pending = new LongAdder();

        String registerAndSample(boolean measured) {
            GraphQlClient.Registered r;
            try {
                r = client.register(patients.next());
            } catch (Exception e) {
                return e.getClass().getSimpleName();
            }
            long respondedAt = System.nanoTime();
            if (r.error() == null && measured && successes.incrementAndGet() % settings.sampleEvery() == 0) {
                samples.increment();
                pending.increment();
                pollers.execute(() -> poll(r, respondedAt));
            }
            return r.error();
        }

        private void poll(GraphQlClient.Registered r, long respondedAt) {
            String outcome;
            try {
                outcome = client.search(r.mrn(), r.patientId());
            } catch (Exception e) {
                outcome = e.getClass().getSimpleName();
            }
            searches.increment();
            long now = System.nanoTime();
            switch (outcome) {
                case "found" -> {
                    lag.success(now - respondedAt);
                    pending.decrement();
                }
                case "absent" -> {
                    if (now - respondedAt > GIVE_UP_NANOS) {
                        timeouts.increment();
                        pending.decrement();
                    } else {
                        pollers.schedule(
                                () -> poll(r, respondedAt), settings.pollIntervalMillis(), TimeUnit.MILLISECONDS);
                    }
                }
                default -> {
                    searchErrors.error(outcome);
                    pending.decrement();
                }
            }
        }

        Result finish(String mode, double target, Recorder.Summary registrations, CpuWindow cpu)
                throws InterruptedException {
            long deadline = System.nanoTime() + GIVE_UP_NANOS + TimeUnit.SECONDS.toNanos(10);
            while (pending.sum() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            pollers.shutdownNow();
            return new Result(
                    mode,
                    target,
                    registrations,
                    lag.summary(settings.lagSeconds()),
                    samples.sum(),
                    timeouts.sum() + pending.sum(),
                    searchErrors.summary(settings.lagSeconds()),
                    searches.sum(),
                    cpu.result());
        }
    }
}
