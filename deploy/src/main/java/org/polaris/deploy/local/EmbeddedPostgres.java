package org.polaris.deploy.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A private PostgreSQL for the one-command local mode, from the PostgreSQL binaries published on
 * Maven Central (io.zonky.test.postgres), so nothing is installed on the machine. PostgreSQL
 * refuses to run as root; when this JVM is root, initdb and the server run as the unprivileged
 * user {@code nobody} (setpriv), owning only the cluster's directory.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String UNPRIVILEGED = "nobody";

    private final Path home;
    private final int port;
    private Process server;

    public EmbeddedPostgres(Path dataDir, int port) throws IOException {
        this.home = clusterHome(dataDir);
        this.port = port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    public void start(Duration timeout) throws IOException, InterruptedException {
        Path bin = unpack();
        Path data = home.resolve("data");
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (asRoot) {
            run(List.of("chown", "-R", UNPRIVILEGED + ":", home.toString()));
        }
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            List<String> initdb = command(asRoot, bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres",
                    "-D", data.toString(), "-E", "UTF-8", "--no-locale");
            run(initdb);
        }
        stopStale(data);
        Path log = home.resolve("postgres.log");
        Files.deleteIfExists(log);
        List<String> postgres = command(asRoot, bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                // a local pipeline benchmarks bulk upserts: trade crash durability of the last commits for speed
                "-c", "synchronous_commit=off", "-c", "max_connections=50", "-c", "shared_buffers=256MB");
        server = new ProcessBuilder(postgres).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IOException("PostgreSQL exited at start; see " + log + ":\n" + tail(log));
            }
            if (Files.exists(log) && Files.readString(log).contains("ready to accept connections")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("PostgreSQL did not start within " + timeout.toSeconds() + " s; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy(); // SIGTERM: smart shutdown, the pipeline has already disconnected
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** Deletes the cluster, binaries and data (a demo's database, which nothing needs after it). */
    public void delete() throws IOException {
        if (Files.exists(home)) {
            try (var paths = Files.walk(home)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * The cluster lives in the data directory, unless `nobody` could not reach it there (a checkout
     * under /root): then in /var/tmp, in a directory the data directory names in its
     * {@code postgres-cluster} file. A data directory made anew has no such file, so it gets a new,
     * empty cluster: an old database is never reused silently. (A data directory of an older build,
     * whose cluster was named by a hash of its path, keeps it.)
     */
    static Path clusterHome(Path dataDir) throws IOException {
        Path preferred = dataDir.toAbsolutePath().resolve("postgres");
        if (!"root".equals(System.getProperty("user.name")) || reachableByOthers(preferred.getParent())) {
            return preferred;
        }
        Path marker = dataDir.resolve("postgres-cluster");
        if (Files.exists(marker)) {
            return Path.of(Files.readString(marker).strip());
        }
        Path old = Path.of("/var/tmp", "polaris-postgres-" + Integer.toHexString(preferred.toString().hashCode()));
        Path home = Files.exists(dataDir.resolve("kafka")) && Files.exists(old) ? old
                : Path.of("/var/tmp", "polaris-postgres-" + java.util.UUID.randomUUID().toString().substring(0, 12));
        Files.createDirectories(dataDir);
        Files.writeString(marker, home + "\n");
        return home;
    }

    private static boolean reachableByOthers(Path dir) {
        try {
            for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
                if (Files.exists(p)) {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Path unpack() throws IOException {
        Path bin = home.resolve("pgsql");
        if (Files.exists(bin.resolve("bin/postgres"))) {
            return bin.resolve("bin");
        }
        Files.createDirectories(bin);
        try (InputStream archive = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IOException(ARCHIVE + " is not on the classpath (io.zonky.test.postgres binaries)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(archive)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = bin.resolve(entry.getName()).normalize();
                    if (!target.startsWith(bin)) {
                        throw new IOException("archive entry outside the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        if ((entry.getMode() & 0100) != 0) {
                            target.toFile().setExecutable(true, false);
                        }
                    }
                }
            }
        }
        return bin.resolve("bin");
    }

    /** A server left running by a killed local stack holds the data directory: stop it first. */
    private static void stopStale(Path data) throws IOException, InterruptedException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        try {
            long pid = Long.parseLong(first);
            var handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
                handle.get().destroy();
                handle.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (NumberFormatException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // not a pid we can stop: PostgreSQL itself will say what is wrong
        }
    }

    private static List<String> command(boolean asRoot, String... args) {
        List<String> cmd = new ArrayList<>();
        if (asRoot) {
            cmd.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + groupOf(UNPRIVILEGED),
                    "--clear-groups", "--"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String groupOf(String user) {
        try {
            Process p = new ProcessBuilder("id", "-g", user).redirectErrorStream(true).start();
            String gid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? gid : "65534";
        } catch (IOException | InterruptedException e) {
            return "65534";
        }
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd.subList(Math.max(0, cmd.size() - 8), cmd.size()))
                    + " failed:\n" + out);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
