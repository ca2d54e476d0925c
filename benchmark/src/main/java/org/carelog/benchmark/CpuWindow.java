package org.carelog.benchmark;

/**
 * CPU time used in a measured window by Carelog's JVM, its PostgreSQL, this benchmark, and everything
 * else on the machine (other engineers' builds, on a shared machine).
 */
final class CpuWindow {

    private final CarelogProcess carelog;
    private long[] startCarelog;
    private long startSelf;
    private long[] startMachine;
    private long startNanos;
    private Result result;

    CpuWindow(CarelogProcess carelog) {
        this.carelog = carelog;
    }

    void begin() {
        startNanos = System.nanoTime();
        startCarelog = carelog.cpuTicks();
        startSelf = Proc.cpuTicks(ProcessHandle.current().pid());
        startMachine = Proc.machineTicks();
    }

    void end() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long[] c = carelog.cpuTicks();
        long self = Proc.cpuTicks(ProcessHandle.current().pid()) - startSelf;
        long[] m = Proc.machineTicks();
        long java = c[0] - startCarelog[0];
        long pg = Math.max(0, c[1] - startCarelog[1]);
        long busy = m[0] - startMachine[0];
        long total = m[1] - startMachine[1];
        result = new Result(
                seconds,
                java / (double) Proc.TICKS_PER_SECOND,
                pg / (double) Proc.TICKS_PER_SECOND,
                self / (double) Proc.TICKS_PER_SECOND,
                Math.max(0, busy - java - pg - self) / (double) Proc.TICKS_PER_SECOND,
                total == 0 ? Double.NaN : 100.0 * busy / total);
    }

    Result result() {
        return result;
    }

    /** CPU seconds in the window; machineBusyPercent is of all cores. */
    record Result(
            double seconds,
            double carelogJava,
            double postgres,
            double benchmark,
            double otherProcesses,
            double machineBusyPercent) {

        /** CPU milliseconds per operation. */
        double perOp(double cpuSeconds, long operations) {
            return operations == 0 ? Double.NaN : 1000.0 * cpuSeconds / operations;
        }
    }
}
