package dev.huddle.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for chat-service's line port: a {@link ServerSocket} on 127.0.0.1 that records every
 * line it receives and answers with the lines a script gives for it (none, one reply, events around
 * it). {@link #push} writes a line unasked, e.g. a late reply or an event. A script line
 * {@value #CLOSE} closes that connection instead of being written.
 */
public final class FakeLineServer implements AutoCloseable {

    /** A script line that makes the server close the connection. */
    public static final String CLOSE = "<close>";

    private static final long WAIT_SECONDS = 10;

    private final ServerSocket server;
    private final Function<String, List<String>> script;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private FakeLineServer(Function<String, List<String>> script) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        daemon(this::accept, "fake-line-server-accept");
    }

    /** Starts a server answering each received line with {@code script.apply(line)}. */
    public static FakeLineServer start(Function<String, List<String>> script) {
        try {
            return new FakeLineServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first word of a received line: which command it is. */
    public static String word(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections were accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** The next line received, waiting up to 10 s. */
    public String nextLine() {
        try {
            String line = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("the fake server received no line within " + WAIT_SECONDS + " s");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every line received and not yet taken by {@link #nextLine()}. */
    public List<String> drainLines() {
        List<String> lines = new ArrayList<>();
        received.drainTo(lines);
        return lines;
    }

    /** Writes a line to every open connection. */
    public void push(String line) {
        for (Socket client : clients) {
            write(client, List.of(line));
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // test teardown
        }
        clients.forEach(FakeLineServer::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                clients.add(client);
                daemon(() -> serve(client), "fake-line-server-connection");
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
            StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                received.add(line);
                write(client, script.apply(line));
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            clients.remove(client);
            closeQuietly(client);
        }
    }

    private static void write(Socket client, List<String> lines) {
        try {
            // one lock per socket: pushed lines and scripted replies never interleave mid-line
            synchronized (client) {
                OutputStream out = client.getOutputStream();
                for (String line : lines) {
                    if (line.equals(CLOSE)) {
                        client.close();
                        return;
                    }
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client went away; the test sees it on its side
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
