package org.carelog.benchmark;

import java.util.Map;
import java.util.stream.Collectors;
import org.carelog.benchmark.RegistrationBenchmark.Results;

/** The results of one run as Markdown. */
final class Report {

    private Report() {}

    static String markdown(Results r) {
        Settings s = r.settings;
        StringBuilder md = new StringBuilder();
        md.append("# Carelog registration benchmark: results\n\n");
        md.append("- Date: ").append(r.startedAt.withNano(0)).append('\n');
        md.append("- Benchmark command: `")
                .append(ProcessHandle.current().info().commandLine().orElse("?"))
                .append("`\n");
        md.append("- Mode: ")
                .append(s.quick() ? "quick (smoke run, figures not meaningful)" : "full")
                .append("; closed-loop runs: ")
                .append(s.warmupSeconds())
                .append(" s warm-up + ")
                .append(s.durationSeconds())
                .append(" s measured at ")
                .append(s.concurrencies().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .append(" clients; search-lag runs: ")
                .append(s.warmupSeconds())
                .append(" s + ")
                .append(s.lagSeconds())
                .append(" s, every ")
                .append(s.sampleEvery())
                .append("th registration polled every ")
                .append(s.pollIntervalMillis())
                .append(" ms by ")
                .append(s.pollerThreads())
                .append(" poller threads\n");
        md.append("- Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores (")
                .append(Proc.cpuModel())
                .append("), ")
                .append(Proc.memTotalKib() / 1024 / 1024 + 1)
                .append(" GB RAM, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.version"))
                .append(", Java ")
                .append(System.getProperty("java.version"))
                .append("; load average before the run: ")
                .append(r.loadBefore)
                .append('\n');
        md.append("- Shared machine: other engineers' builds may run at the same time; the column \"other CPU\" is"
                + " the CPU time everything else on the machine used in each measured window.\n");
        md.append("- Carelog child: `").append(r.command).append("`\n");
        md.append("- PostgreSQL: ")
                .append(r.serverSettings.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append("\n\n");

        md.append("## Start-up, memory, shutdown\n\n| figure | value |\n|---|---|\n");
        md.append("| start to ready (process start until /actuator/health/readiness is UP) | ")
                .append(secs(r.ready == null ? Double.NaN : r.ready.toMillis() / 1000.0))
                .append(" |\n");
        memory(md, "idle after ready", r.idle);
        memory(md, "after the load", r.afterLoad);
        md.append("| PostgreSQL found as descendant of the Java process | ")
                .append(r.postmasterIsDescendant ? "yes" : "no (pg_ctl detaches it; found by postmaster.pid)")
                .append(" |\n");
        if (r.shutdown != null) {
            md.append("| SIGTERM shutdown | exit code ")
                    .append(r.shutdown.exitCode())
                    .append(" after ")
                    .append(secs(r.shutdown.took().toMillis() / 1000.0))
                    .append(", PostgreSQL stopped: ")
                    .append(r.shutdown.postgresStopped() ? "yes" : "NO")
                    .append(", postmaster.pid removed: ")
                    .append(r.shutdown.pidFileGone() ? "yes" : "NO")
                    .append(", WARN/ERROR/exception lines logged after SIGTERM: ")
                    .append(r.shutdown.logProblems())
                    .append(
                            r.shutdown.logProblems() == 0
                                    ? ""
                                    : " (first: `"
                                            + r.shutdown
                                                    .firstLogProblem()
                                                    .replace("|", "\\|")
                                                    .replace("`", "'")
                                                    .strip()
                                            + "`)")
                    .append(" → ")
                    .append(r.shutdown.clean() ? "clean" : "NOT clean")
                    .append(" |\n");
        }

        md.append("\n## Throughput: (a) JDBC single-row insert vs (b) registerPatient over GraphQL\n\n");
        md.append("Closed loop: each client sends its next request when the previous one answered."
                + " CPU columns: CPU milliseconds per registration spent by Carelog's JVM, its PostgreSQL"
                + " processes and this benchmark client.\n\n");
        md.append("| clients | (a) inserts/s | (a) p50 / p99 ms | (a) errors | (b) registrations/s |"
                + " (b) p50 / p99 ms | (b) errors | b/a | CPU ms/registration JVM / PG / client |"
                + " machine busy (a) / (b) | other CPU s (a) / (b) |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int clients : s.concurrencies()) {
            Results.Run a = r.jdbc.get(clients);
            Results.Run b = r.graphql.get(clients);
            if (a == null || b == null) {
                continue;
            }
            long n = b.summary().count();
            md.append(String.format(
                    "| %d | %.0f | %s | %d | %.1f | %s | %d | %.2f | %s / %s / %s | %.0f %% / %.0f %% | %.1f / %.1f |%n",
                    clients,
                    a.summary().perSecond(),
                    p50p99(a.summary()),
                    a.summary().errors(),
                    b.summary().perSecond(),
                    p50p99(b.summary()),
                    b.summary().errors(),
                    b.summary().perSecond() / a.summary().perSecond(),
                    ms(b.cpu().perOp(b.cpu().carelogJava(), n)),
                    ms(b.cpu().perOp(b.cpu().postgres(), n)),
                    ms(b.cpu().perOp(b.cpu().benchmark(), n)),
                    a.cpu().machineBusyPercent(),
                    b.cpu().machineBusyPercent(),
                    a.cpu().otherProcesses(),
                    b.cpu().otherProcesses()));
        }

        md.append("\n## (c) Search lag: registration response until `patients(search: MRN)` finds the patient\n\n");
        md.append("| load | target/s | achieved/s | registration p50 / p99 ms | registration errors | samples |"
                + " lag p50 ms | lag p99 ms | lag max ms | not found in 30 s | search errors | searches |"
                + " machine busy | other CPU s |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SearchLag.Result l : new SearchLag.Result[] {r.lagHalf, r.lagPeak}) {
            if (l == null) {
                continue;
            }
            md.append(String.format(
                    "| %s | %s | %.1f | %s | %d | %d | %s | %s | %s | %d | %d | %d | %.0f %% | %.1f |%n",
                    l.mode(),
                    Double.isNaN(l.targetPerSecond()) ? "flat out" : String.format("%.1f", l.targetPerSecond()),
                    l.registrations().perSecond(),
                    p50p99(l.registrations()),
                    l.registrations().errors(),
                    l.samples(),
                    ms(l.lag().p50Millis()),
                    ms(l.lag().p99Millis()),
                    ms(l.lag().maxMillis()),
                    l.timeouts(),
                    l.searchErrors().errors(),
                    l.searches(),
                    l.cpu().machineBusyPercent(),
                    l.cpu().otherProcesses()));
        }

        md.append("\n## Consistency after the load\n\n");
        md.append("Registrations acknowledged to this client (warm-ups included): ")
                .append(r.registeredTotal)
                .append("; rows: ")
                .append(r.counts.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append(".\n");
        String errors = errorKinds(r);
        md.append("\nErrors by kind: ")
                .append(errors.isEmpty() ? "none" : errors)
                .append('\n');

        md.append("\n## Targets (goals, not assertions)\n\n| target | measured | met |\n|---|---|---|\n");
        Results.Run a16 = r.jdbc.get(s.peakConcurrency());
        Results.Run b16 = r.graphql.get(s.peakConcurrency());
        if (a16 != null && b16 != null) {
            double ratio = b16.summary().perSecond() / a16.summary().perSecond();
            md.append(String.format(
                    "| b/a at %d clients >= 0.5 (below 0.3 is a defect) | %.2f | %s |%n",
                    s.peakConcurrency(), ratio, ratio >= 0.5 ? "met" : ratio >= 0.3 ? "missed" : "missed (defect)"));
        }
        if (r.lagHalf != null) {
            double p99 = r.lagHalf.lag().p99Millis();
            md.append(String.format(
                    "| search lag p99 at half the peak rate < 100 ms | %s ms | %s |%n",
                    ms(p99), met(p99 < 100 && r.lagHalf.timeouts() == 0)));
        }
        if (r.lagPeak != null) {
            double p99 = r.lagPeak.lag().p99Millis();
            md.append(String.format(
                    "| search lag p99 at the peak < 1 s | %s ms | %s |%n",
                    ms(p99), met(p99 < 1000 && r.lagPeak.timeouts() == 0)));
        }
        if (r.ready != null) {
            md.append(String.format(
                    "| start to ready < 15 s | %s | %s |%n",
                    secs(r.ready.toMillis() / 1000.0), met(r.ready.toMillis() < 15_000)));
        }
        if (r.idle != null) {
            md.append(String.format(
                    "| idle RSS < 400 MB (Java process; PostgreSQL reported separately) | %s | %s |%n",
                    mb(r.idle.javaRssKib()), met(r.idle.javaRssKib() < 400 * 1024)));
        }
        return md.toString();
    }

    private static void memory(StringBuilder md, String when, CarelogProcess.MemorySnapshot m) {
        if (m == null) {
            return;
        }
        md.append("| Java process RSS, ")
                .append(when)
                .append(" | ")
                .append(mb(m.javaRssKib()))
                .append(" |\n");
        md.append("| PostgreSQL, ")
                .append(when)
                .append(" (")
                .append(m.postgresProcesses())
                .append(" processes) | RSS sum ")
                .append(mb(m.postgresRssKib()))
                .append(", PSS sum ")
                .append(mb(m.postgresPssKib()))
                .append(" |\n");
    }

    private static String errorKinds(Results r) {
        StringBuilder out = new StringBuilder();
        r.jdbc.forEach(
                (c, run) -> append(out, "(a) " + c + " clients", run.summary().errorKinds()));
        r.graphql.forEach(
                (c, run) -> append(out, "(b) " + c + " clients", run.summary().errorKinds()));
        for (SearchLag.Result l : new SearchLag.Result[] {r.lagHalf, r.lagPeak}) {
            if (l != null) {
                append(
                        out,
                        "(c) " + l.mode() + " registrations",
                        l.registrations().errorKinds());
                append(out, "(c) " + l.mode() + " searches", l.searchErrors().errorKinds());
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String where, Map<String, Long> kinds) {
        if (!kinds.isEmpty()) {
            out.append("\n- ").append(where).append(": ").append(kinds);
        }
    }

    private static String met(boolean met) {
        return met ? "met" : "missed";
    }

    private static String p50p99(Recorder.Summary s) {
        return ms(s.p50Millis()) + " / " + ms(s.p99Millis());
    }

    private static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis < 10 ? String.format("%.2f", millis) : String.format("%.0f", millis);
    }

    private static String secs(double seconds) {
        return String.format("%.1f s", seconds);
    }

    private static String mb(long kib) {
        return kib < 0 ? "n/a" : String.format("%.0f MB", kib / 1024.0);
    }
}
