package org.polaris.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the embedded cluster lives: a data directory deleted and made again never finds an old
 * database (as root, the cluster is outside the data directory, so this is not a given); a demo's
 * cluster is deleted whole.
 */
class EmbeddedPostgresTest {

    private final String user = System.getProperty("user.name");

    @TempDir
    Path tmp;

    @AfterEach
    void restoreUser() {
        System.setProperty("user.name", user);
    }

    @Test
    void asRootADataDirectoryMadeAgainGetsANewClusterNeverTheOldOne() throws IOException {
        System.setProperty("user.name", "root");
        Path dataDir = privateDir(tmp.resolve("polaris-demo-1"));

        Path first = EmbeddedPostgres.clusterHome(dataDir);
        assertThat(first.toString()).startsWith("/var/tmp/polaris-postgres-");
        assertThat(EmbeddedPostgres.clusterHome(dataDir)).as("the same data directory keeps its cluster").isEqualTo(first);
        assertThat(Files.readString(dataDir.resolve("postgres-cluster")).strip()).isEqualTo(first.toString());

        deleteTree(dataDir);
        privateDir(dataDir);
        assertThat(EmbeddedPostgres.clusterHome(dataDir)).as("deleted and made again: a new cluster").isNotEqualTo(first);
    }

    @Test
    void aClusterInsideTheDataDirectoryIsThereAndDeleteRemovesItWhole() throws IOException {
        System.setProperty("user.name", "polaris");
        Path dataDir = tmp.resolve("data");
        EmbeddedPostgres postgres = new EmbeddedPostgres(dataDir, 5433);
        Path home = dataDir.resolve("postgres");
        Files.createDirectories(home.resolve("data/base"));
        Files.writeString(home.resolve("data/PG_VERSION"), "16\n");

        postgres.delete();

        assertThat(home).doesNotExist();
        assertThat(dataDir).exists();
    }

    private static Path privateDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
