package org.polaris.launcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack's credentials are readable by their owner only, from the first byte written. */
class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @Test
    void aCredentialsFileIsCreatedOwnerOnlyAndReplacedOwnerOnly() throws Exception {
        Path file = dir.resolve("cli-credentials.properties");

        LocalStack.ownerOnly(file, "user=admin\npassword=first\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        LocalStack.ownerOnly(file, "user=admin\npassword=second\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("password=second");
        assertThat(Credentials.fromFile(file)).isEqualTo(new Credentials("admin", "second"));
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void theCliStillReadsALocalStacksCredentialsOfTheOlderPlainForm() throws Exception {
        Path old = Files.writeString(dir.resolve("security.properties"),
                "quarkus.security.users.embedded.users.admin=s3cret\nquarkus.security.users.embedded.roles.admin=admin\n");
        assertThat(Credentials.fromFile(old)).isEqualTo(new Credentials("admin", "s3cret"));
    }
}
