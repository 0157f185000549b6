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
import java.util.List;
import java.util.Map;

/** Writes LSE segments into memory for format tests. */
public final class SegmentFixture {

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

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** A closed unsealed segment with {@code events} lines "event i\n". */
    public static byte[] closedSegment(DataKeyWrapper key, CipherSuite suite, int events) throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(new SegmentSettings(suite, 0, 0, false, null, null),
                ChainLink.seriesStart(), List.of(key), 1_000);
        for (int i = 0; i < events; i++) {
            fixture.event("event " + i + "\n", 1_000 + i);
        }
        fixture.writer.finish(SegmentWriter.FinalReason.CLOSE, 2_000);
        return fixture.bytes();
    }
}
