package dev.huddle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used so far (user + system, and the system part alone), read from
 * {@code /proc/<pid>/stat}, the same for the whole machine from {@code /proc/stat}, and a short
 * label for a process from its command line (the jar it runs). Linux only; elsewhere it reports -1.
 * Used to say how the machine's two cores were shared between the services and the generator, and
 * how much of it went to the kernel (loopback TCP).
 */
final class ProcessCpu {

    /**
     * Core-seconds used so far.
     *
     * @param total  user + system (for the machine: everything but idle and I/O wait)
     * @param kernel the system part (for the machine: system, irq and softirq)
     */
    record Sample(double total, double kernel) {
        static final Sample UNKNOWN = new Sample(-1, -1);

        boolean known() {
            return total >= 0;
        }

        Sample minus(Sample earlier) {
            return new Sample(total - earlier.total, kernel - earlier.kernel);
        }
    }

    /** Linux's USER_HZ: /proc reports CPU time in ticks of 1/100 s. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** CPU used by {@code pid} since it started. */
    static Sample of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return new Sample((utime + stime) / TICKS_PER_SECOND, stime / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Sample.UNKNOWN;
        }
    }

    /**
     * Core-seconds the whole machine spent busy since boot, from the first line of {@code /proc/stat}
     * (user nice system idle iowait irq softirq steal). Compared with the watched processes' own CPU
     * time, it shows what other processes (and the kernel's own threads) took meanwhile.
     */
    static Sample machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(fields[1]) + Long.parseLong(fields[2]);
            long kernel = Long.parseLong(fields[3]) + Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
            long steal = Long.parseLong(fields[8]);
            return new Sample((user + kernel + steal) / TICKS_PER_SECOND, kernel / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Sample.UNKNOWN;
        }
    }

    /** The jar a JVM runs ({@code chat-service}...), or {@code pid <n>}. */
    static String label(long pid) {
        if (pid == ProcessHandle.current().pid()) {
            return "ChatLoad (generator)";
        }
        try {
            String[] args = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\0");
            for (String arg : args) {
                if (arg.endsWith(".jar")) {
                    String file = Path.of(arg).getFileName().toString();
                    return file.replace("-0.1.0-SNAPSHOT.jar", "") + " (pid " + pid + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the bare pid
        }
        return "pid " + pid;
    }
}
