package dev.logshield.redact.detect;

import static dev.logshield.redact.detect.Redactions.alnum;
import static dev.logshield.redact.detect.Redactions.mask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PemPrivateKeyDetectorTest {

    private static final PemPrivateKeyDetector DETECTOR = new PemPrivateKeyDetector();
    private static final String M = "[REDACTED:private-key]";

    /** A fake armoured block: base64-looking lines of 64 characters, not a key. */
    static String block(String label, String newline, int lines) {
        StringBuilder b = new StringBuilder("-----BEGIN ").append(label).append("-----").append(newline);
        for (int i = 0; i < lines; i++) {
            b.append(alnum(64, i)).append(newline);
        }
        return b.append("-----END ").append(label).append("-----").toString();
    }

    static Stream<Arguments> privateKeys() {
        return Stream.of(
                Arguments.of("loaded " + block("PRIVATE KEY", "\n", 3) + " from vault", "loaded " + M + " from vault"),
                Arguments.of(block("RSA PRIVATE KEY", "\n", 5), M),
                Arguments.of("key=" + block("EC PRIVATE KEY", "\n", 2), "key=" + M),
                Arguments.of("dsa " + block("DSA PRIVATE KEY", "\n", 4) + "\nnext line", "dsa " + M + "\nnext line"),
                Arguments.of(block("OPENSSH PRIVATE KEY", "\n", 6) + "\n", M + "\n"),
                Arguments.of("{\"key\":\"" + block("ENCRYPTED PRIVATE KEY", "\\n", 3) + "\\n\"}", "{\"key\":\"" + M + "\\n\"}"),
                Arguments.of("pgp " + block("PGP PRIVATE KEY BLOCK", "\n", 3), "pgp " + M),
                Arguments.of("windows " + block("PRIVATE KEY", "\r\n", 2) + "\r\n", "windows " + M + "\r\n"),
                Arguments.of("escaped " + block("RSA PRIVATE KEY", "\\n", 2) + " end", "escaped " + M + " end"),
                Arguments.of("one line " + block("PRIVATE KEY", "", 1), "one line " + M),
                Arguments.of(block("PRIVATE KEY", "\n", 1) + " and " + block("EC PRIVATE KEY", "\n", 1), M + " and " + M),
                Arguments.of("Caused by: bad key\n" + block("RSA PRIVATE KEY", "\n", 2) + "\n\tat x.y.Z", "Caused by: bad key\n" + M + "\n\tat x.y.Z"),
                Arguments.of("ssh2 " + block("SSH2 ENCRYPTED PRIVATE KEY", "\n", 2), "ssh2 " + M),
                Arguments.of("with headers -----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,ABCD\n\n"
                        + alnum(64, 1) + "\n-----END RSA PRIVATE KEY-----", "with headers " + M),
                Arguments.of("truncated -----BEGIN PRIVATE KEY-----\n" + alnum(64, 2) + "\n" + alnum(30, 3), "truncated " + M),
                Arguments.of("cut end -----BEGIN OPENSSH PRIVATE KEY-----\n" + alnum(64, 2) + "\n-----END OPENSSH PRIV", "cut end " + M),
                Arguments.of("cert then key " + block("CERTIFICATE", "\n", 1) + " " + block("PRIVATE KEY", "\n", 1),
                        "cert then key " + block("CERTIFICATE", "\n", 1) + " " + M),
                Arguments.of("mismatched " + "-----BEGIN RSA PRIVATE KEY-----\n" + alnum(64, 1) + "\n-----END PRIVATE KEY----- tail",
                        "mismatched " + M + " tail"),
                Arguments.of("yaml:\n  tls.key: |\n    " + block("EC PRIVATE KEY", "\n    ", 2) + "\n  tls.crt: x",
                        "yaml:\n  tls.key: |\n    " + M + "\n  tls.crt: x"),
                Arguments.of("'" + block("PRIVATE KEY", "\n", 1) + "'", "'" + M + "'"),
                Arguments.of("dump(" + block("DH PRIVATE KEY", "\n", 1) + ")", "dump(" + M + ")"));
    }

    @ParameterizedTest
    @MethodSource("privateKeys")
    void masksWholeBlock(String line, String expected) {
        assertThat(mask(DETECTOR, line)).isEqualTo(expected);
    }

    static Stream<String> lookAlikes() {
        List<String> lines = new ArrayList<>(Redactions.CLEAN_LINES);
        lines.addAll(List.of(
                block("CERTIFICATE", "\n", 3),
                block("PUBLIC KEY", "\n", 2),
                block("RSA PUBLIC KEY", "\n", 2),
                block("CERTIFICATE REQUEST", "\n", 2),
                block("X509 CRL", "\n", 2),
                block("PGP PUBLIC KEY BLOCK", "\n", 2),
                block("PGP SIGNATURE", "\n", 1),
                block("OPENSSH PUBLIC KEY", "\n", 1),
                block("EC PARAMETERS", "\n", 1),
                "-----BEGIN private key-----",
                "-----BEGIN PRIVATE KEYS-----",
                "-----BEGIN NOTPRIVATE KEY-----",
                "-----BEGIN PRIVATE KEY",
                "-----BEGIN  -----",
                "the file must start with BEGIN PRIVATE KEY",
                "-----BEGINPRIVATE KEY-----",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakePublicKeyOnly user@host",
                "-----END RSA PRIVATE KEY----- without a begin",
                "--------------------------------------------------",
                "----- BEGIN PRIVATE KEY -----"));
        return lines.stream();
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void leavesCertificatesAndPublicKeysUntouched(String line) {
        assertThat(mask(DETECTOR, line)).isSameAs(line);
    }

    @Test
    void unterminatedBlockIsRedactedToTheEndOfTheWindow() {
        String head = "-----BEGIN PRIVATE KEY-----\n";
        String body = "A".repeat(PemPrivateKeyDetector.MAX_BLOCK + 100);
        String line = "x " + head + body;
        String expected = "x " + M + "A".repeat(line.length() - 2 - PemPrivateKeyDetector.MAX_BLOCK);
        assertThat(mask(DETECTOR, line)).isEqualTo(expected);
    }

    @Test
    void endMarkerBeyondTheWindowIsNotLookedFor() {
        String line = "-----BEGIN PRIVATE KEY-----" + "B".repeat(PemPrivateKeyDetector.MAX_BLOCK) + "-----END PRIVATE KEY-----";
        assertThat(mask(DETECTOR, line)).startsWith(M).doesNotContain("BEGIN").endsWith("B-----END PRIVATE KEY-----");
    }
}
