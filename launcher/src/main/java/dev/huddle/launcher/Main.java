package dev.huddle.launcher;

import dev.huddle.server.config.ConfigException;
import dev.huddle.server.config.Env;
import dev.huddle.server.trust.ClusterCredentials;
import dev.huddle.server.trust.DevelopmentTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./huddle up|down|status|restart}: the commands that start and stop local services. The first
 * {@code up} becomes the supervisor (in the foreground, or detached with {@code -d}); later commands
 * ask it over run/huddle.sock. Exit status: 0 done, 1 failed, 2 wrong command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status;
        try {
            Layout layout = Layout.from(Env.system());
            List<String> rest = args.length == 0 ? List.of() : List.of(args).subList(1, args.length);
            status = switch (args.length == 0 ? "" : args[0]) {
                case "up" -> up(layout, rest);
                case "supervise" -> SupervisorProcess.run(layout, services(rest), false);
                case "down" -> down(layout);
                case "status" -> status(layout);
                case "restart" -> restart(layout, rest);
                case "credentials" -> credentials(layout, rest);
                case "certs" -> certs(layout, rest);
                default -> usage("unknown command '" + (args.length == 0 ? "" : args[0]) + "'");
            };
        } catch (UsageException e) {
            status = usage(e.getMessage());
        } catch (ConfigException e) {
            Output.error(e.getMessage());
            status = 2;
        } catch (Exception e) {
            Output.error(e.getMessage() == null ? e.toString() : e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    private static int up(Layout layout, List<String> args) throws Exception {
        boolean detach = args.contains("-d") || args.contains("--detach");
        List<String> names = services(args.stream().filter(a -> !a.equals("-d") && !a.equals("--detach")).toList());
        Optional<Control.Reply> running = Control.send(layout.socket(), "start " + String.join(" ", names));
        if (running.isPresent()) {
            return print(running.get());
        }
        if (!detach) {
            return SupervisorProcess.run(layout, names, true);
        }
        return Detached.start(layout, names);
    }

    private static int down(Layout layout) {
        Optional<Long> supervisorPid = supervisorPid(layout);
        Optional<Control.Reply> reply = Control.send(layout.socket(), "down");
        if (reply.isPresent()) {
            // the supervisor exits right after answering: wait, so that an 'up' right after finds the ports free
            supervisorPid.ifPresent(pid -> Leftovers.waitForExit(pid, Duration.ofSeconds(10)));
            return print(reply.get());
        }
        int stopped = Leftovers.stopAll(layout);
        Output.line(stopped == 0 ? "Nothing to stop: no Huddle service started by ./huddle is running." : "Stopped.");
        return 0;
    }

    private static int status(Layout layout) {
        Optional<Control.Reply> reply = Control.send(layout.socket(), "status");
        if (reply.isPresent()) {
            return print(reply.get());
        }
        Output.line("Huddle is not running here (./huddle up starts it).");
        return 1;
    }

    private static int restart(Layout layout, List<String> args) {
        if (args.size() != 1) {
            throw new UsageException("usage: ./huddle restart <service>   (services: "
                + String.join(", ", HuddleServices.names()) + ")");
        }
        services(args);
        Optional<Control.Reply> reply = Control.send(layout.socket(), "restart " + args.get(0));
        if (reply.isEmpty()) {
            Output.error("Huddle is not running here; ./huddle up " + args.get(0) + " starts it.");
            return 1;
        }
        return print(reply.get());
    }

    /** show (default), ensure or rotate the cluster credentials in data/cluster (docs/SECURITY.md). */
    private static int credentials(Layout layout, List<String> args) throws Exception {
        String action = args.isEmpty() ? "show" : args.get(0);
        Path dir = layout.credentialsDir();
        Clock clock = Clock.systemUTC();
        String result = switch (args.size() <= 1 ? action : "") {
            case "show" -> ClusterCredentials.show(dir, clock);
            case "ensure" -> ClusterCredentials.ensure(dir, dir.resolve("ca"), clock);
            case "rotate" -> ClusterCredentials.rotate(dir, dir.resolve("ca"), clock);
            default -> throw new UsageException("usage: ./huddle credentials [show|ensure|rotate]");
        };
        Output.line(result);
        return 0;
    }

    /**
     * A local CA and a server certificate for client-facing TLS in data/tls ({@link DevelopmentTls}):
     * {@code certs [--host NAME]...}, each name or address clients use beside the loopback ones.
     */
    private static int certs(Layout layout, List<String> args) throws Exception {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (!args.get(i).equals("--host") || i + 1 >= args.size()) {
                throw new UsageException("usage: ./huddle certs [--host NAME]...");
            }
            hosts.add(args.get(++i));
        }
        try {
            Output.line(DevelopmentTls.make(layout.tlsDir(), hosts, Clock.systemUTC()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }

    /** The named services, checked; all of them when none is named. */
    private static List<String> services(List<String> names) {
        List<String> known = HuddleServices.names();
        for (String name : names) {
            if (name.startsWith("-")) {
                throw new UsageException("unknown option '" + name + "' (only -d)");
            }
            // a further relay of ./huddle up --relays N is "media-relay-<k>"
            boolean copy = name.matches(LauncherSettings.RELAY_SERVICE + "-[0-9]+");
            if (!known.contains(name) && !copy) {
                throw new UsageException("unknown service '" + name + "' (services: " + String.join(", ", known) + ")");
            }
        }
        return names.isEmpty() ? known : new ArrayList<>(names);
    }

    private static Optional<Long> supervisorPid(Layout layout) {
        try {
            return Optional.of(Long.parseLong(Files.readString(layout.pidFile("huddle")).trim()));
        } catch (Exception none) {
            return Optional.empty();
        }
    }

    private static int print(Control.Reply reply) {
        if (reply.ok()) {
            reply.lines().forEach(Output::line);
            return 0;
        }
        reply.lines().forEach(line -> System.err.println("huddle: " + line));
        return 1;
    }

    private static int usage(String message) {
        Output.error(message);
        return 2;
    }

    /** A wrong command line: exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
