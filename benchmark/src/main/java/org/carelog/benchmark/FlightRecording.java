package org.carelog.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recording of the Carelog child during one run, started and dumped with jcmd, and a
 * summary of where its CPU samples fall.
 */
final class FlightRecording {

    /** Library of a frame, by package; the first that matches wins. */
    private static final String[][] LIBRARIES = {
        {"org.carelog.", "Carelog code"},
        {"org.axonframework.", "Axon Framework"},
        {"org.postgresql.", "PostgreSQL JDBC driver"},
        {"com.zaxxer.hikari.", "HikariCP"},
        {"org.hibernate.", "Hibernate"},
        {"com.fasterxml.jackson.", "Jackson"},
        {"graphql.", "graphql-java"},
        {"org.springframework.graphql.", "Spring for GraphQL"},
        {"org.springframework.security.", "Spring Security"},
        {"com.nimbusds.", "Nimbus JOSE (JWT)"},
        {"com.ibm.icu.", "ICU4J (name romanisation)"},
        {"com.google.i18n.phonenumbers.", "libphonenumber"},
        {"org.apache.commons.text.", "commons-text"},
        {"org.apache.catalina.", "Tomcat"},
        {"org.apache.coyote.", "Tomcat"},
        {"org.apache.tomcat.", "Tomcat"},
        {"org.springframework.", "Spring (other)"},
        {"io.micrometer.", "Micrometer"},
    };

    private FlightRecording() {}

    /** Summarises a recording again: {@code java -cp benchmark/target/classes org.carelog.benchmark.FlightRecording F.jfr}. */
    public static void main(String[] args) throws IOException {
        System.out.println(summarize(Path.of(args[0])));
    }

    static void start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath());
    }

    static void stop(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench");
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed: " + out);
        }
    }

    /** Markdown: CPU samples by thread group, by library, and the hottest methods. */
    static String summarize(Path file) throws IOException {
        Map<String, Long> byThread = new HashMap<>();
        Map<String, Long> byLibrary = new HashMap<>();
        Map<String, Long> byTopFrame = new HashMap<>();
        Map<String, Long> byFirstOwnFrame = new HashMap<>();
        long total = 0;
        long gcCount = 0;
        double gcPauseMillis = 0;
        double compileMillis = 0;
        double jvmCpu = 0;
        double machineCpu = 0;
        int cpuLoads = 0;
        Map<String, Double> blockedMillis = new HashMap<>();
        Map<String, Long> blockedCount = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String blocking = blockingSite(e);
            if (blocking != null) {
                blockedMillis.merge(blocking, e.getDuration().toNanos() / 1e6, Double::sum);
                blockedCount.merge(blocking, 1L, Long::sum);
            }
            switch (e.getEventType().getName()) {
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    gcPauseMillis += e.getDuration("sumOfPauses").toNanos() / 1e6;
                }
                case "jdk.Compilation" -> compileMillis += e.getDuration().toNanos() / 1e6;
                case "jdk.CPULoad" -> {
                    jvmCpu += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                    machineCpu += e.getFloat("machineTotal");
                    cpuLoads++;
                }
                default -> {}
            }
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            total++;
            String thread = e.getThread("sampledThread") == null
                    ? "?"
                    : e.getThread("sampledThread").getJavaName();
            byThread.merge(threadGroup(thread), 1L, Long::sum);
            List<RecordedFrame> frames = stack.getFrames();
            byTopFrame.merge(method(frames.get(0)), 1L, Long::sum);
            // Self time of JDK frames goes to the library that called into the JDK.
            String library = "JDK only";
            String own = null;
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                String lib = library(type);
                if (lib != null) {
                    library = lib;
                    own = method(f);
                    break;
                }
            }
            byLibrary.merge(library, 1L, Long::sum);
            if (own != null) {
                byFirstOwnFrame.merge(own, 1L, Long::sum);
            }
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                "JVM CPU load (of all cores) averaged %.0f %%, machine %.0f %%; %d garbage collections paused %.0f ms"
                        + " in total; JIT compilations longer than 100 ms (the profile settings threshold) took %.0f ms.%n%n",
                cpuLoads == 0 ? Double.NaN : 100 * jvmCpu / cpuLoads,
                cpuLoads == 0 ? Double.NaN : 100 * machineCpu / cpuLoads,
                gcCount,
                gcPauseMillis,
                compileMillis));
        md.append("CPU samples (jdk.ExecutionSample, Java threads only; GC and JIT threads are not sampled): ")
                .append(total)
                .append("\n\n");
        table(md, "thread group", byThread, total, 10);
        table(md, "library (JDK frames charged to their caller)", byLibrary, total, 20);
        table(md, "hottest method (top frame)", byTopFrame, total, 15);
        table(md, "first non-JDK frame", byFirstOwnFrame, total, 15);
        md.append("Waiting, summed over request and event-processor threads (events above the profile"
                + " settings' 10 ms threshold for locks and parking and 10 ms for socket reads; idle pool"
                + " threads waiting for work left out). A JDBC socket read is time spent waiting for"
                + " PostgreSQL.\n\n| thread group / wait / where | events | total ms |\n|---|---:|---:|\n");
        blockedMillis.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(20)
                .forEach(b -> md.append("| ")
                        .append(b.getKey().replace("|", "\\|"))
                        .append(" | ")
                        .append(blockedCount.get(b.getKey()))
                        .append(" | ")
                        .append(String.format("%.0f", b.getValue()))
                        .append(" |\n"));
        md.append('\n');
        return md.toString();
    }

    /** Where a thread waited (lock, park, socket read), or null for other events and idle waits. */
    private static String blockingSite(RecordedEvent e) {
        String type = e.getEventType().getName();
        String kind =
                switch (type) {
                    case "jdk.JavaMonitorEnter" ->
                        "lock " + simple(e.getClass("monitorClass").getName());
                    case "jdk.ThreadPark" -> "park";
                    case "jdk.SocketRead" -> "socket read";
                    default -> null;
                };
        if (kind == null || e.getStackTrace() == null || e.getThread() == null) {
            return null;
        }
        String group = threadGroup(e.getThread().getJavaName());
        if (!group.startsWith("Tomcat") && !group.contains("patient-directory")) {
            return null;
        }
        String caller = null;
        String carelog = null;
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            String t = f.getMethod().getType().getName();
            String m = f.getMethod().getName();
            if (t.endsWith("TaskQueue") && m.equals("take")
                    || t.endsWith("ThreadPoolExecutor") && m.equals("getTask")) {
                return null; // an idle pool thread
            }
            if (caller == null
                    && library(t) != null
                    && !t.startsWith("org.postgresql.")
                    && !t.startsWith("com.zaxxer.")) {
                caller = method(f);
            }
            if (carelog == null && t.startsWith("org.carelog.")) {
                carelog = method(f);
            }
        }
        return group + " / " + kind + " / " + (caller == null ? "?" : caller)
                + (carelog == null || carelog.equals(caller) ? "" : " via " + carelog);
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String threadGroup(String name) {
        if (name.startsWith("http-nio-") && name.contains("exec")) {
            return "Tomcat request threads";
        }
        return name.replaceAll("[-#\\[]?\\d+\\]?$", "").replaceAll("\\d+", "N");
    }

    private static String library(String type) {
        for (String[] l : LIBRARIES) {
            if (type.startsWith(l[0])) {
                return l[1];
            }
        }
        return null;
    }

    private static String method(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + " ("
                + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")";
    }

    private static void table(StringBuilder md, String title, Map<String, Long> counts, long total, int limit) {
        md.append("| ").append(title).append(" | samples | share |\n|---|---:|---:|\n");
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        sorted.forEach((k, v) -> md.append("| ")
                .append(k.replace("|", "\\|"))
                .append(" | ")
                .append(v)
                .append(" | ")
                .append(String.format("%.1f %%", 100.0 * v / Math.max(1, total)))
                .append(" |\n"));
        md.append('\n');
    }
}
