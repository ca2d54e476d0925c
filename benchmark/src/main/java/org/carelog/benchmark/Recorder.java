package org.carelog.benchmark;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Latencies of successful operations and error counts by kind; safe for many threads. */
final class Recorder {

    private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(this::newBuffer);
    private final java.util.List<Buffer> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    void success(long nanos) {
        buffers.get().add(nanos);
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    Summary summary(double seconds) {
        int n = all.stream().mapToInt(b -> b.size).sum();
        long[] sorted = new long[n];
        int at = 0;
        for (Buffer b : all) {
            System.arraycopy(b.values, 0, sorted, at, b.size);
            at += b.size;
        }
        Arrays.sort(sorted);
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
        long errorTotal =
                errorCounts.values().stream().mapToLong(Long::longValue).sum();
        return new Summary(
                n, errorTotal, errorCounts, n / seconds, percentile(sorted, 50), percentile(sorted, 99), max(sorted));
    }

    private Buffer newBuffer() {
        Buffer b = new Buffer();
        all.add(b);
        return b;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static double max(long[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    private static final class Buffer {
        long[] values = new long[4096];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }
    }

    /**
     * @param count successful operations in the measured window
     * @param errors failed operations in the measured window
     * @param perSecond successful operations per second
     * @param p50Millis median latency of successful operations
     * @param p99Millis 99th percentile latency
     * @param maxMillis slowest
     */
    record Summary(
            long count,
            long errors,
            Map<String, Long> errorKinds,
            double perSecond,
            double p50Millis,
            double p99Millis,
            double maxMillis) {}
}
