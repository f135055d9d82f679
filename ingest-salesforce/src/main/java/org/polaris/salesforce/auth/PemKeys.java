package org.polaris.salesforce.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the JWT bearer flow's RSA private key from a PEM file: PKCS#8 ({@code BEGIN PRIVATE KEY},
 * what {@code openssl genpkey} writes) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, older
 * {@code openssl genrsa}), which the JDK reads once wrapped in a PKCS#8 envelope.
 */
public final class PemKeys {

    /** The DER prefix of a PKCS#8 PrivateKeyInfo for rsaEncryption, before the PKCS#1 key's length. */
    private static final byte[] PKCS8_RSA_HEADER = {0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48,
            (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00, 0x04};

    private PemKeys() {
    }

    public static RSAPrivateKey read(Path file) throws IOException {
        String pem = Files.readString(file);
        try {
            if (pem.contains("BEGIN PRIVATE KEY")) {
                return rsa(body(pem, "PRIVATE KEY"));
            }
            if (pem.contains("BEGIN RSA PRIVATE KEY")) {
                return rsa(pkcs1ToPkcs8(body(pem, "RSA PRIVATE KEY")));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " holds no readable RSA private key (" + e.getClass().getSimpleName() + ")");
        }
        if (pem.contains("ENCRYPTED PRIVATE KEY")) {
            throw new IOException(file + " holds an encrypted key: give the JWT bearer flow an unencrypted PEM key "
                    + "(openssl pkcs8 -in key.pem -nocrypt -out plain.pem)");
        }
        throw new IOException(file + " is not a PEM RSA private key (no BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY line)");
    }

    private static byte[] body(String pem, String label) {
        int start = pem.indexOf("-----BEGIN " + label + "-----");
        int end = pem.indexOf("-----END " + label + "-----");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no " + label + " block");
        }
        String b64 = pem.substring(start + ("-----BEGIN " + label + "-----").length(), end).replaceAll("\\s", "");
        return Base64.getDecoder().decode(b64);
    }

    private static RSAPrivateKey rsa(byte[] pkcs8) throws GeneralSecurityException {
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] inner = concat(PKCS8_RSA_HEADER, derLength(pkcs1.length), pkcs1);
        return concat(new byte[] {0x30}, derLength(inner.length), inner);
    }

    private static byte[] derLength(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        if (n < 0x100) {
            return new byte[] {(byte) 0x81, (byte) n};
        }
        if (n < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        }
        return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }

    private static byte[] concat(byte[]... parts) {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        byte[] out = new byte[len];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
