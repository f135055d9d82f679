package org.polaris.salesforce.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PemKeysTest {

    @TempDir
    Path dir;

    @Test
    void readsPkcs8AndTheOlderPkcs1Form() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path pkcs8 = dir.resolve("key.pem");
        Files.writeString(pkcs8, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        assertThat(PemKeys.read(pkcs8).getModulus()).isEqualTo(((RSAPrivateCrtKey) pair.getPrivate()).getModulus());

        // PKCS#1 is the PKCS#8 body's inner OCTET STRING: strip the 26-byte envelope of a 2048-bit key
        byte[] der = pair.getPrivate().getEncoded();
        byte[] pkcs1 = java.util.Arrays.copyOfRange(der, 26, der.length);
        Path rsa = dir.resolve("rsa.pem");
        Files.writeString(rsa, pem("RSA PRIVATE KEY", pkcs1));
        assertThat(PemKeys.read(rsa).getModulus()).isEqualTo(((RSAPrivateCrtKey) pair.getPrivate()).getModulus());
    }

    @Test
    void aFileWithoutAKeySaysWhatItIsNot() throws IOException {
        Path cert = dir.resolve("cert.pem");
        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> PemKeys.read(cert)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a PEM RSA private key");
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
