package dev.huddle.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One forwarder {@link UdpLoad} measures, run as its own process: the relay's data path
 * ({@link RelayBenchServer}), the java.net baseline ({@link BlockingForwarder}) or the C reference
 * ({@code udpfwd fwd}, built from {@code ../shared/bench/udpfwd.c} outside the repository).
 */
final class UdpForwarder implements AutoCloseable {

    /** What is forwarding. */
    enum Kind {
        RELAY("media-relay data path (Netty epoll, recvmmsg/sendmmsg)"),
        JAVANET("java.net blocking forwarder"),
        C("C reference (recvmmsg/sendmmsg)"),
        NONE("no forwarder: sender to receiver directly");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** The child JVMs get the services' own heap and GC settings (./huddle's JVM_FLAGS). */
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:MaxRAMPercentage=25",
        "--enable-native-access=ALL-UNNAMED");

    private final Process process;
    private final Kind kind;
    private final BufferedReader output;

    private UdpForwarder(Process process, Kind kind) {
        this.process = process;
        this.kind = kind;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts a forwarder on {@code port}, sending to {@code sinkPorts} ({@code fanout} copies in all);
     * {@code relayJvmOptions} are added to the relay's JVM flags (e.g. a JFR recording).
     *
     * @return the running forwarder, or {@code null} for {@link Kind#NONE}
     */
    static UdpForwarder start(Kind kind, int port, List<Integer> sinkPorts, int fanout, Path keyDir, Path cForwarder,
                              List<String> relayJvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        switch (kind) {
            case RELAY -> command.addAll(java(RelayBenchServer.class, relayJvmOptions, Integer.toString(port),
                keyDir.toString(), UdpLoad.RELAY_ID));
            case JAVANET -> command.addAll(java(BlockingForwarder.class, List.of(), Integer.toString(port),
                String.join(",", sinkPorts.stream().map(String::valueOf).toList())));
            case C -> command.addAll(List.of(cForwarder.toString(), "fwd", Integer.toString(port),
                Integer.toString(sinkPorts.get(0)), Integer.toString(fanout)));
            case NONE -> {
                return null;
            }
        }
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        UdpForwarder forwarder = new UdpForwarder(process, kind);
        if (kind != Kind.C) {
            forwarder.awaitReady();
        }
        return forwarder;
    }

    long pid() {
        return process.pid();
    }

    /** The relay's counters so far (its stats line), or an empty string for the other forwarders. */
    String counters() throws IOException {
        if (kind != Kind.RELAY) {
            return "";
        }
        process.getOutputStream().write('\n');
        process.getOutputStream().flush();
        String line = output.readLine();
        return line == null ? "" : line;
    }

    /** Stops the forwarder; returns the relay's last output line (its counters), or an empty string. */
    String stop() throws InterruptedException {
        String last = "";
        try {
            process.getOutputStream().close();
            if (kind == Kind.RELAY) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    last = line;
                }
            }
        } catch (IOException ignored) {
            // stopping anyway
        }
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return last;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitReady() throws IOException {
        String line = output.readLine();
        // the JVM may print first (a JFR recording says it started)
        while (line != null && !line.startsWith("READY") && line.startsWith("[")) {
            line = output.readLine();
        }
        if (line == null || !line.startsWith("READY")) {
            throw new IOException(kind + " forwarder did not start: " + line);
        }
        System.err.println("  " + kind + ": " + line);
    }

    private static List<String> java(Class<?> main, List<String> extraJvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_FLAGS);
        command.addAll(extraJvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }
}
