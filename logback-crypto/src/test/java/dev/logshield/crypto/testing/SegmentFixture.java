package dev.logshield.crypto.testing;

import dev.logshield.crypto.format.ChainLink;
import dev.logshield.crypto.format.CipherSuite;
import dev.logshield.crypto.format.SegmentMetadata;
import dev.logshield.crypto.format.SegmentSettings;
import dev.logshield.crypto.format.SegmentWriter;
import dev.logshield.crypto.keys.DataKeyWrapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Writes LSE segments into memory for format tests. */
public final class SegmentFixture {

    /** Origin of the test seal epochs (14 Nov 2023): fixed times keep the files small and reproducible. */
    public static final long T0 = 1_700_000_000_000L;
    /** Length of a test seal epoch. */
    public static final int SEAL_INTERVAL_SECONDS = 10;
    public static final long EPOCH_MS = SEAL_INTERVAL_SECONDS * 1000L;

    public final ByteArrayOutputStream out = new ByteArrayOutputStream();
    public SegmentWriter writer;

    public SegmentFixture start(SegmentSettings settings, ChainLink link, List<DataKeyWrapper> readers, long nowMs)
            throws Exception {
        writer = SegmentWriter.start(out::write, settings, link, readers,
                new SegmentMetadata(Map.of(SegmentMetadata.Field.HOSTNAME, "test-host")), new SecureRandom(), nowMs);
        return this;
    }

    public SegmentFixture event(String text, long nowMs) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writer.writeData(bytes, 0, bytes.length, 1, nowMs);
        return this;
    }

    public SegmentFixture close(long nowMs) throws Exception {
        writer.finish(SegmentWriter.FinalReason.CLOSE, nowMs);
        return this;
    }

    public SegmentFixture rollOver(long nowMs) throws Exception {
        writer.finish(SegmentWriter.FinalReason.ROLLOVER, nowMs);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** A closed unsealed segment with {@code events} lines "event i\n". */
    public static byte[] closedSegment(DataKeyWrapper key, CipherSuite suite, int events) throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(unsealed(suite), ChainLink.seriesStart(), List.of(key),
                1_000);
        for (int i = 0; i < events; i++) {
            fixture.event("event " + i + "\n", 1_000 + i);
        }
        fixture.writer.finish(SegmentWriter.FinalReason.CLOSE, 2_000);
        return fixture.bytes();
    }

    public static SegmentSettings unsealed(CipherSuite suite) {
        return new SegmentSettings(suite, 0, 0, false, null, null);
    }

    /** The test seal seed S_0 (the auditor's secret). */
    public static byte[] sealSeed() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 0x5e);
        return seed;
    }

    /** The host's seal key chain at epoch 0 of the test epochs. */
    public static TestSealKeys sealKeys() {
        return new TestSealKeys(sealSeed(), T0, SEAL_INTERVAL_SECONDS);
    }

    /** The auditor's view of {@link #sealKeys()}. */
    public static TestSealVerifier sealVerifier() {
        return new TestSealVerifier(sealSeed(), T0, SEAL_INTERVAL_SECONDS);
    }

    public static SegmentSettings sealed(TestSealKeys seal, int ratchetRecords,
                                         SegmentSettings.CheckpointListener listener) {
        return sealed(CipherSuite.AES_256_GCM, seal, ratchetRecords, listener);
    }

    public static SegmentSettings sealed(CipherSuite suite, TestSealKeys seal, int ratchetRecords,
                                         SegmentSettings.CheckpointListener listener) {
        return new SegmentSettings(suite, ratchetRecords, 0, false, seal, listener);
    }

    /**
     * The small closed sealed segment the tamper tests work on (about 750 bytes), every frame type in it:
     * META, CHECKPOINT (epoch 0), DATA "first", DATA "second", CHECKPOINT (epoch 0 ends), EPOCH (the record key
     * ratchets after 2 records), DATA "third" (epoch 1), CHECKPOINT (epoch 1), FINAL.
     */
    public static byte[] smallSealedSegment(DataKeyWrapper key) throws Exception {
        return smallSealedSegment(key, CipherSuite.AES_256_GCM);
    }

    /** {@link #smallSealedSegment(DataKeyWrapper)} with another record AEAD. */
    public static byte[] smallSealedSegment(DataKeyWrapper key, CipherSuite suite) throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(sealed(suite, sealKeys(), 2, null), ChainLink.seriesStart(),
                List.of(key), T0 + 500);
        fixture.event("first\n", T0 + 1_000);
        fixture.event("second\n", T0 + 2_000);
        fixture.event("third\n", T0 + EPOCH_MS + 1_000);
        fixture.close(T0 + EPOCH_MS + 2_000);
        return fixture.bytes();
    }

    /**
     * A closed sealed segment that spans seal epochs 0 to 3: META, CHECKPOINT (epoch 0), then one DATA record "epoch
     * e" per epoch e followed by that epoch's checkpoint (the last one closing), FINAL.
     */
    public static byte[] fourEpochSealedSegment(DataKeyWrapper key) throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(sealed(sealKeys(), 0, null), ChainLink.seriesStart(),
                List.of(key), T0 + 100);
        for (int epoch = 0; epoch < 4; epoch++) {
            fixture.event("epoch " + epoch + "\n", T0 + epoch * EPOCH_MS + 200);
        }
        fixture.close(T0 + 3 * EPOCH_MS + 300);
        return fixture.bytes();
    }

    /** The DATA texts of {@link #smallSealedSegment}, in order. */
    public static final List<String> SMALL_SEALED_TEXTS = List.of("first\n", "second\n", "third\n");
}
