package dev.huddle.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 that passes bytes both ways and, once, cuts a connection dead after
 * {@code cutAfter} bytes from the client: both sockets close mid-request, as when Wi-Fi drops.
 * Connections after that pass untouched.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final long cutAfter;
    private final AtomicBoolean cut = new AtomicBoolean();

    CuttingProxy(int targetPort, long cutAfter) {
        this.targetPort = targetPort;
        this.cutAfter = cutAfter;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    boolean hasCut() {
        return cut.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket();
                target.connect(new InetSocketAddress("127.0.0.1", targetPort));
                AtomicLong upstream = new AtomicLong();
                Thread.ofPlatform().daemon().start(() -> pump(client, target, upstream, true));
                Thread.ofPlatform().daemon().start(() -> pump(target, client, upstream, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong upstream, boolean fromClient) {
        byte[] block = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                if (fromClient && !cut.get() && upstream.addAndGet(n) > cutAfter && cut.compareAndSet(false, true)) {
                    from.close();
                    to.close();
                    return;
                }
                out.write(block, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // done
        }
    }
}
