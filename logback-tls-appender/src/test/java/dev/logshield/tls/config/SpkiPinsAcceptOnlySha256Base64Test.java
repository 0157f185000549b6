package dev.logshield.tls.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.logshield.tls.testing.TestPki;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves a pin is the base64 SHA-256 of the certificate's DER SubjectPublicKeyInfo (computed independently by the
 * test PKI, as openssl's recipe does), that {@code sha256/BASE64} round-trips, and that every other form is refused
 * with a message naming it: another hash, a hex certificate fingerprint, bad base64, a digest of the wrong length.
 */
class SpkiPinsAcceptOnlySha256Base64Test {

    @TempDir
    static Path dir;

    static TestPki pki;

    @BeforeAll
    static void pki() {
        pki = TestPki.generate(dir);
    }

    @Test
    void thePinOfACertificateIsTheSha256OfItsSubjectPublicKeyInfo() throws Exception {
        SpkiPin pin = SpkiPin.of(pki.server().certificate());

        assertThat(pin.toString()).isEqualTo(pki.server().spkiPin());
        assertThat(SpkiPin.parse(pki.server().spkiPin())).isEqualTo(pin).hasSameHashCodeAs(pin);
        assertThat(SpkiPin.of(pki.client("client1").certificate())).isNotEqualTo(pin);
    }

    @Test
    void parsingToleratesSpacesAMissingPaddingAndUpperCaseHashName() throws Exception {
        String pin = pki.server().spkiPin();
        String unpadded = pin.replace("=", "");

        assertThat(SpkiPin.parse("  " + pin + "\n")).isEqualTo(SpkiPin.of(pki.server().certificate()));
        assertThat(SpkiPin.parse(unpadded)).isEqualTo(SpkiPin.of(pki.server().certificate()));
        assertThat(SpkiPin.parse(pin.replace("sha256/", "SHA256/"))).isEqualTo(SpkiPin.of(pki.server().certificate()));
    }

    @Test
    void anotherHashIsRefused() {
        assertThatThrownBy(() -> SpkiPin.parse("sha1/AAAAAAAAAAAAAAAAAAAAAAAAAAA="))
                .isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("unsupported SPKI pin 'sha1/AAAAAAAAAAAAAAAAAAAAAAAAAAA=': only sha256/<base64> pins are supported (not sha1)")
                .hasMessageContaining("openssl dgst -sha256 -binary");
        assertThatThrownBy(() -> SpkiPin.parse("pin-sha256=\"abc\""))
                .isInstanceOf(TlsConfigException.class).hasMessageStartingWith("unsupported SPKI pin 'pin-sha256=\"abc\"'");
    }

    @Test
    void aHexCertificateFingerprintIsNamedAsSuch() {
        String fingerprint = "SHA256:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

        assertThatThrownBy(() -> SpkiPin.parse(fingerprint)).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("'" + fingerprint + "' looks like a certificate fingerprint, not an SPKI pin");
    }

    @Test
    void badBase64OrTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> SpkiPin.parse("sha256/not base64!")).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("SPKI pin 'sha256/not base64!' is not valid base64 after 'sha256/'");
        assertThatThrownBy(() -> SpkiPin.parse("sha256/AAAA")).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("SPKI pin 'sha256/AAAA' holds 3 bytes; a SHA-256 pin holds 32 (44 base64 characters)");
        assertThatThrownBy(() -> SpkiPin.parse("  ")).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("an empty SPKI pin");
    }

    @Test
    void aListOfPinsSplitsOnCommasAndWhiteSpaceAndBlankMeansNone() throws Exception {
        String server = pki.server().spkiPin();
        String client = pki.client("client1").spkiPin();

        SpkiPins pins = SpkiPins.parse(server + ", " + client + "\n " + server);

        assertThat(pins.pins()).containsExactly(SpkiPin.parse(server), SpkiPin.parse(client));
        assertThat(pins.matches(pki.server().certificate())).isTrue();
        assertThat(pins.matches(pki.otherServer().certificate())).isFalse();
        assertThat(pins).hasToString(server + ", " + client);
        assertThat(SpkiPins.parse(" ").isEmpty()).isTrue();
        assertThat(SpkiPins.parse(null)).isSameAs(SpkiPins.none());
        assertThatThrownBy(() -> SpkiPins.parse(server + ",sha1/xyz")).isInstanceOf(TlsConfigException.class)
                .hasMessageStartingWith("unsupported SPKI pin 'sha1/xyz'");
    }
}
