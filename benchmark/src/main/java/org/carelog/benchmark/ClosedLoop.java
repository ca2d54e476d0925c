package org.carelog.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * N clients, each doing one operation after the other as fast as it can, for a warm-up and then a
 * measured window. Only operations that start inside the window are recorded.
 */
final class ClosedLoop {

    /** One client's operation: returns null on success or an error kind. */
    interface Operation {
        String call() throws Exception;
    }

    /** Per-client set-up (its own connection, for example) and tear-down. */
    interface Client extends Operation, AutoCloseable {
        @Override
        default void close() throws Exception {}
    }

    private ClosedLoop() {}

    static Recorder.Summary run(
            int clients, int warmupSeconds, int durationSeconds, Supplier<Client> clientFactory, CpuWindow cpu)
            throws InterruptedException {
        Recorder recorder = new Recorder();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(durationSeconds);
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(
                    () -> {
                        try (Client client = clientFactory.get()) {
                            while (true) {
                                long t0 = System.nanoTime();
                                if (t0 >= measureTo) {
                                    break;
                                }
                                String error;
                                try {
                                    error = client.call();
                                } catch (Exception e) {
                                    error = e.getClass().getSimpleName();
                                }
                                long took = System.nanoTime() - t0;
                                if (t0 >= measureFrom) {
                                    if (error == null) {
                                        recorder.success(took);
                                    } else {
                                        recorder.error(error);
                                    }
                                }
                            }
                        } catch (Exception e) {
                            recorder.error("client set-up: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                        } finally {
                            done.countDown();
                        }
                    },
                    "client-" + i);
            threads.add(t);
            t.start();
        }
        sleepUntil(measureFrom);
        if (cpu != null) {
            cpu.begin();
        }
        sleepUntil(measureTo);
        if (cpu != null) {
            cpu.end();
        }
        done.await();
        return recorder.summary(durationSeconds);
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000));
        }
    }
}
