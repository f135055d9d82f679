package org.polaris.launcher.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shared pipeline's way to the real PostgreSQL: a TCP relay on a local port, which a test can
 * cut (every open connection is closed, every new one is closed as it arrives, as when the server
 * goes down) and restore. Nothing of PostgreSQL's protocol is touched: bytes are relayed as they are.
 * The switch is a second local port (named in a system property): a test in Quarkus's class loader
 * reaches it without sharing this class's statics. One byte: 1 restores, 0 cuts; the answer byte
 * says it is done.
 */
final class DatabaseLink implements AutoCloseable {

    static final String SWITCH = "polaris.test.database-link.switch-port";

    private final ServerSocket server;
    private final ServerSocket control;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean up = true;

    DatabaseLink(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.control = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        daemon(this::accept, "database-link");
        daemon(this::control, "database-link-switch");
        System.setProperty(SWITCH, Integer.toString(control.getLocalPort()));
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Cuts ({@code false}) or restores ({@code true}) the link; called by a test through {@link #turn}. */
    private void set(boolean on) {
        up = on;
        if (!on) {
            open.forEach(DatabaseLink::closeQuietly);
            open.clear();
        }
    }

    /** Turns the shared pipeline's link on or off (a test's side); returns when it is done. */
    static void turn(boolean on) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(System.getProperty(SWITCH)))) {
            s.getOutputStream().write(on ? 1 : 0);
            s.getOutputStream().flush();
            if (s.getInputStream().read() < 0) {
                throw new IOException("the database link did not answer");
            }
        }
    }

    private void control() {
        while (!control.isClosed()) {
            try (Socket s = control.accept()) {
                int b = s.getInputStream().read();
                if (b >= 0) {
                    set(b == 1);
                    s.getOutputStream().write(1);
                }
            } catch (IOException e) {
                // closed, or a caller gone
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!up) {
                    closeQuietly(client); // the database is "down": the connection attempt fails
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // a failed connection ends here; the client sees it closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // closed on either side
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "database-link-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        set(false);
        control.close();
        server.close();
    }
}
