package dev.huddle.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link ChatLoad} is asked to do, read from {@code --name value} arguments.
 *
 * @param host             where chat-service (and its HTTP ports) listen; loopback in practice
 * @param linePort         chat-service's line-protocol TCP port
 * @param authPort         auth-service's HTTP port (checked healthy before starting)
 * @param roomPort         room-service's HTTP port (checked healthy before starting)
 * @param chatHttpPort     chat-service's HTTP port ({@code /health}, {@code /metrics} for the heap)
 * @param connections      load mode: connections in rooms (rounded down to whole rooms)
 * @param roomSize         load mode: connections per room
 * @param sendersPerRoom   load mode: connections per room that send
 * @param rate             load mode: chat messages per second per sending connection
 * @param duration         load mode: measured time, after the warm-up
 * @param warmup           load mode: time under load before measuring
 * @param payloadBytes     load mode: padding after the {@code t=<nanos>} stamp in each message
 * @param idle             idle mode when above 0: connections to open and leave idle
 * @param idleCommand      idle mode: what each idle connection sends once ({@code help}, {@code whoami}, {@code join})
 * @param idleHold         idle mode: how long the connections sit idle before the heap is read
 * @param idleLineBytes    idle mode: when above 0, each connection first sends one line this long (a
 *                         refused {@code help ...}), as a client that once sent a long chat line
 * @param maxUsers         accounts to create at most; connections share them (one user, several connections)
 * @param setupParallelism connections used in parallel for registration, login and room creation
 * @param clientThreads    event loops of the generator
 * @param chatPid          chat-service's process id: for {@code jcmd GC.run} and its CPU time (-1: unknown)
 * @param cpuPids          further processes whose CPU time is reported (auth-service, room-service)
 * @param userPrefix       prefix of the generated usernames (unique per run by default)
 */
record ChatLoadOptions(String host, int linePort, int authPort, int roomPort, int chatHttpPort,
                       int connections, int roomSize, int sendersPerRoom, double rate, Duration duration,
                       Duration warmup, int payloadBytes, int idle, String idleCommand, Duration idleHold,
                       int idleLineBytes, int maxUsers, int setupParallelism, int clientThreads, long chatPid,
                       List<Long> cpuPids, String userPrefix) {

    static final String USAGE = """
        ChatLoad: load generator for chat-service's line protocol.
          load mode:  --connections N --room-size M --senders-per-room K --rate R [--duration 30s] [--warmup 5s]
                      [--payload 32]
          idle mode:  --idle N [--idle-command help|whoami|join] [--idle-hold 5s] [--idle-line-bytes 0]
                      (needs --chat-pid)
          common:     [--host 127.0.0.1] [--line-port 7000] [--auth-port 8081] [--room-port 8082]
                      [--chat-http-port 8083] [--users 200] [--setup-parallelism 16] [--client-threads 2]
                      [--chat-pid PID] [--cpu-pids PID,PID] [--user-prefix ld...]
        """;

    boolean idleMode() {
        return idle > 0;
    }

    /** Rooms in load mode: whole rooms only. */
    int rooms() {
        return connections / roomSize;
    }

    /** Messages per second offered by all senders together. */
    double offeredMessagesPerSecond() {
        return rooms() * sendersPerRoom * rate;
    }

    static ChatLoadOptions parse(String[] args) {
        String host = "127.0.0.1";
        int linePort = 7000;
        int authPort = 8081;
        int roomPort = 8082;
        int chatHttpPort = 8083;
        int connections = 1000;
        int roomSize = 100;
        int senders = 1;
        double rate = 5;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(5);
        int payload = 32;
        int idle = 0;
        String idleCommand = "whoami";
        Duration idleHold = Duration.ofSeconds(5);
        int idleLineBytes = 0;
        int users = 200;
        int parallelism = 16;
        int threads = 2;
        long chatPid = -1;
        List<Long> cpuPids = new ArrayList<>();
        String prefix = "ld" + Long.toString(System.currentTimeMillis() % 46_656_000L, 36);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--host" -> host = value;
                case "--line-port" -> linePort = positive(name, value);
                case "--auth-port" -> authPort = positive(name, value);
                case "--room-port" -> roomPort = positive(name, value);
                case "--chat-http-port" -> chatHttpPort = positive(name, value);
                case "--connections" -> connections = positive(name, value);
                case "--room-size" -> roomSize = positive(name, value);
                case "--senders-per-room" -> senders = positive(name, value);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--duration" -> duration = duration(value);
                case "--warmup" -> warmup = duration(value);
                case "--payload" -> payload = Integer.parseInt(value);
                case "--idle" -> idle = positive(name, value);
                case "--idle-command" -> idleCommand = value.toLowerCase(Locale.ROOT);
                case "--idle-hold" -> idleHold = duration(value);
                case "--idle-line-bytes" -> idleLineBytes = Integer.parseInt(value);
                case "--users" -> users = positive(name, value);
                case "--setup-parallelism" -> parallelism = positive(name, value);
                case "--client-threads" -> threads = positive(name, value);
                case "--chat-pid" -> chatPid = Long.parseLong(value);
                case "--cpu-pids" -> {
                    for (String pid : value.split(",")) {
                        cpuPids.add(Long.parseLong(pid.strip()));
                    }
                }
                case "--user-prefix" -> prefix = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (idle == 0 && (roomSize > connections || senders > roomSize || rate <= 0)) {
            throw new IllegalArgumentException(
                "need room-size <= connections, senders-per-room <= room-size, rate > 0");
        }
        if (!List.of("help", "whoami", "join").contains(idleCommand)) {
            throw new IllegalArgumentException("--idle-command is help, whoami or join");
        }
        if (idle > 0 && chatPid < 0) {
            throw new IllegalArgumentException("--idle needs --chat-pid (the heap is read after jcmd GC.run)");
        }
        if (prefix.length() > 20) {
            throw new IllegalArgumentException("--user-prefix: at most 20 characters (usernames are at most 32)");
        }
        return new ChatLoadOptions(host, linePort, authPort, roomPort, chatHttpPort, connections, roomSize, senders,
            rate, duration, warmup, payload, idle, idleCommand, idleHold, idleLineBytes, users, parallelism, threads,
            chatPid, List.copyOf(cpuPids), prefix);
    }

    /** {@code 250ms}, {@code 30s}, {@code 2m}. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        }
        return Duration.ofSeconds(Long.parseLong(t));
    }

    private static int positive(String name, String value) {
        int n = Integer.parseInt(value);
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return n;
    }
}
