package dev.logshield.benchmarks;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.SegmentMetadata;
import dev.logshield.crypto.format.SegmentSettings;
import dev.logshield.crypto.format.SegmentWriter;
import dev.logshield.crypto.keys.HpkeIdentity;
import dev.logshield.crypto.keys.KeyMaterialException;
import dev.logshield.crypto.keys.X25519KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The states of {@link FileAppenderBenchmark}'s parts, measured to separate the encrypted appender's costs: the
 * encoder alone, the JDK's AES-GCM over one encoded event (the floor), SHA-256 over one frame, and LogShield's
 * segment writer without a file.
 */
public final class RecordCostStates {

    private RecordCostStates() {
    }

    /** The encoder alone, started on the event's context. */
    @State(Scope.Benchmark)
    public static class EncoderState {

        EventFactory events;
        PatternLayoutEncoder encoder;

        @Setup(Level.Trial)
        public void setUp() {
            events = new EventFactory(MessageKind.CLEAN);
            encoder = new PatternLayoutEncoder();
            encoder.setPattern(EventFactory.PATTERN);
            encoder.setContext(events.context());
            encoder.start();
            if (!encoder.isStarted()) {
                throw new IllegalStateException("encodeOnly: encoder did not start");
            }
            SetupChecks.requireNoErrors("encodeOnly", events.context());
            SetupChecks.requireVerbatim("encodeOnly", new String(encoder.encode(events.newEvent()), StandardCharsets.UTF_8),
                    events.formattedMessage());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            encoder.stop();
            events.stop();
        }
    }

    /**
     * The cryptographic floor of one flushed record: the JDK's AES-256-GCM over the bytes of one encoded event,
     * set up as {@code RecordCipher} does it (a fresh 96-bit counter nonce, init, 45 bytes of associated data,
     * doFinal into a reused buffer), and SHA-256 over a frame of that size (the segment's running digest).
     */
    @State(Scope.Benchmark)
    public static class CipherState {

        /** Associated data of an LSE record: core digest (32), sequence number (8), type (1), body length (4). */
        static final int AAD_LENGTH = 45;
        /** Frame header (5), DATA prefix (12), tag (16). */
        static final int FRAME_EXTRA = 5 + 12 + 16;

        byte[] plaintext;
        byte[] aad;
        byte[] out;
        byte[] nonce;
        SecretKey key;
        Cipher cipher;
        long counter;
        MessageDigest digest;
        byte[] frame;

        @Setup(Level.Trial)
        public void setUp() throws GeneralSecurityException {
            EventFactory events = new EventFactory(MessageKind.CLEAN);
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setPattern(EventFactory.PATTERN);
            encoder.setContext(events.context());
            encoder.start();
            plaintext = encoder.encode(events.newEvent());
            SetupChecks.requireVerbatim("rawAesGcm", new String(plaintext, StandardCharsets.UTF_8), events.formattedMessage());
            encoder.stop();
            events.stop();

            SecureRandom random = new SecureRandom();
            byte[] keyBytes = new byte[32];
            random.nextBytes(keyBytes);
            key = new SecretKeySpec(keyBytes, "AES");
            aad = new byte[AAD_LENGTH];
            random.nextBytes(aad);
            out = new byte[plaintext.length + 16];
            nonce = new byte[12];
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
            digest = MessageDigest.getInstance("SHA-256");
            frame = new byte[plaintext.length + FRAME_EXTRA];
            random.nextBytes(frame);

            // prove it is AES-GCM doing the work: ciphertext differs, and opens back to the event under the same nonce
            int length = encrypt(this);
            Cipher check = Cipher.getInstance("AES/GCM/NoPadding");
            check.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            check.updateAAD(aad);
            if (length != plaintext.length + 16 || Arrays.equals(out, 0, plaintext.length, plaintext, 0, plaintext.length)
                    || !Arrays.equals(check.doFinal(out, 0, length), plaintext)) {
                throw new IllegalStateException("rawAesGcm: the cipher does not round-trip the event");
            }
        }
    }

    /**
     * LogShield's segment writer alone, on the bytes of one encoded event, into a sink that only counts bytes:
     * what the encrypted appender does per flushed event without Logback, the lock and the system call (DATA
     * prefix, AES-GCM record, frame header, running SHA-256, a key ratchet every 1000 records as configured by
     * default).
     */
    @State(Scope.Benchmark)
    public static class SegmentState {

        byte[] payload;
        SegmentWriter writer;
        long sunk;

        @Setup(Level.Trial)
        public void setUp() throws IOException, KeyMaterialException {
            EventFactory events = new EventFactory(MessageKind.CLEAN);
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setPattern(EventFactory.PATTERN);
            encoder.setContext(events.context());
            encoder.start();
            payload = encoder.encode(events.newEvent());
            encoder.stop();
            events.stop();
            SecureRandom random = new SecureRandom();
            X25519KeyPair pair = X25519KeyPair.generate(random);
            SegmentSettings settings = new SegmentSettings(CipherSuite.AES_256_GCM, 1000, 60, false, null, null);
            writer = SegmentWriter.start((bytes, offset, length) -> sunk += length, settings, ChainLink.seriesStart(),
                    List.of(HpkeIdentity.of(pair).recipient()), new SegmentMetadata(Map.of()), random,
                    System.currentTimeMillis());
            long before = sunk;
            writer.writeData(payload, 0, payload.length, 1, System.currentTimeMillis());
            if (writer.dataFrames() != 1 || sunk - before != payload.length + CipherState.FRAME_EXTRA) {
                throw new IllegalStateException("segmentWriterOnly: expected one DATA frame of "
                        + (payload.length + CipherState.FRAME_EXTRA) + " bytes, got " + (sunk - before));
            }
        }
    }

    static int encrypt(CipherState s) throws GeneralSecurityException {
        long seq = s.counter++;
        byte[] nonce = s.nonce;
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (seq >>> (56 - 8 * i));
        }
        s.cipher.init(Cipher.ENCRYPT_MODE, s.key, new GCMParameterSpec(128, nonce));
        s.cipher.updateAAD(s.aad, 0, CipherState.AAD_LENGTH);
        return s.cipher.doFinal(s.plaintext, 0, s.plaintext.length, s.out, 0);
    }
}
