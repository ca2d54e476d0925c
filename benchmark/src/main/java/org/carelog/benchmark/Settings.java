package org.carelog.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What to run, from system properties. Defaults give a full run of about four minutes;
 * {@code -Dquick=true} shortens every phase for a smoke run.
 */
record Settings(
        boolean quick,
        Path carelogJar,
        List<Integer> concurrencies,
        int warmupSeconds,
        int durationSeconds,
        int lagSeconds,
        int sampleEvery,
        int pollIntervalMillis,
        int pollerThreads,
        int idleSettleSeconds,
        int startTimeoutSeconds,
        boolean jfr,
        String childJvmArgs,
        String childArgs,
        java.util.Set<String> phases,
        double pacedRate,
        boolean keepData,
        Path output) {

    static Settings fromSystemProperties() {
        boolean quick = Boolean.getBoolean("quick");
        return new Settings(
                quick,
                Path.of(System.getProperty("carelog.jar", "infra/target/infra-0.1.0-SNAPSHOT.jar")),
                Arrays.stream(System.getProperty("concurrency", "1,4,16").split(","))
                        .map(String::strip)
                        .map(Integer::parseInt)
                        .toList(),
                Integer.getInteger("warmup", quick ? 1 : 5),
                Integer.getInteger("duration", quick ? 3 : 15),
                Integer.getInteger("lagDuration", quick ? 4 : 15),
                Integer.getInteger("sampleEvery", 10),
                Integer.getInteger("pollIntervalMs", 5),
                Integer.getInteger("pollers", 4),
                Integer.getInteger("idleSettle", quick ? 2 : 5),
                Integer.getInteger("startTimeout", 180),
                Boolean.getBoolean("jfr"),
                System.getProperty("childJvmArgs", ""),
                System.getProperty("childArgs", ""),
                java.util.Set.copyOf(Arrays.asList(
                        System.getProperty("phases", "a,b,c").replace(" ", "").split(","))),
                Double.parseDouble(System.getProperty("pacedRate", "0")),
                Boolean.getBoolean("keepData"),
                Path.of(System.getProperty("output", "benchmark/target/benchmark-results.md")));
    }

    int peakConcurrency() {
        return concurrencies.stream().mapToInt(Integer::intValue).max().orElse(16);
    }
}
