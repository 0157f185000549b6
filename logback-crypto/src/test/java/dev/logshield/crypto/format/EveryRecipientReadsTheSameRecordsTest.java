package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.keys.Stanza;
import dev.logshield.crypto.testing.SegmentBytes;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.Verified;
import dev.logshield.crypto.verify.Finding;
import dev.logshield.crypto.verify.VerificationReport;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A segment written for one to three readers (one key-block stanza each) is read identically by each reader alone,
 * and by nobody else (key error, 3). The key block MAC commits all readers to one data key: a reader's stanza
 * replaced by a valid stanza for another data key (by someone holding that reader's key) is tampering (1) for
 * every reader, not a different file for one of them.
 */
class EveryRecipientReadsTheSameRecordsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void eachReaderAloneDecryptsTheSameEvents(int readers) throws Exception {
        List<TestKek> keys = keks(readers);
        byte[] segment = write(keys);
        assertThat(SegmentBytes.parse(segment).header().length)
                .isEqualTo(LseFormat.CORE_LENGTH + 4 + 1 + readers * (3 + 8 + 1 + 5 + 40) + 32);

        for (TestKek key : keys) {
            Verified verified = Verified.bytes(key, dir.resolve("r.lse"), segment);
            assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
            assertThat(verified.releasedTexts()).containsExactly("alpha\n", "beta\n", "gamma\n");
        }
        Verified stranger = Verified.bytes(TestKek.random(), dir.resolve("s.lse"), segment);
        assertThat(stranger.exitCode()).as(stranger.describe()).isEqualTo(VerificationReport.KEY_ERROR);
        assertThat(stranger.released()).isEmpty();
    }

    @Test
    void aStanzaCarryingAnotherDataKeyIsTamperingForEveryReader() throws Exception {
        List<TestKek> keys = keks(2);
        byte[] segment = write(keys);
        // replace the second reader's stanza by one that wraps another data key under the same KEK
        Stanza forged = keys.get(1).wrap(new byte[32], new byte[16]);
        int second = LseFormat.CORE_LENGTH + 4 + 1 + (3 + 8 + 1 + 5 + 40) + 3;
        System.arraycopy(forged.body(), 0, segment, second, forged.body().length);

        for (TestKek key : keys) {
            Verified verified = Verified.bytes(key, dir.resolve("f.lse"), segment);
            assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.TAMPERED);
            Finding problem = verified.firstProblem().orElseThrow();
            assertThat(problem.offset()).isZero();
            assertThat(problem.message()).contains("MAC");
            assertThat(verified.released()).isEmpty();
        }
    }

    private static List<TestKek> keks(int n) {
        return IntStream.range(0, n).mapToObj(i -> {
            byte[] kek = ByteBuffer.allocate(32).putInt(0x4b454b00 + i).array();
            return new TestKek(kek, "kek-" + i);
        }).toList();
    }

    private static byte[] write(List<TestKek> keys) throws Exception {
        SegmentFixture fixture = new SegmentFixture().start(SegmentFixture.unsealed(CipherSuite.CHACHA20_POLY1305),
                ChainLink.seriesStart(), List.copyOf(keys), 1_000);
        fixture.event("alpha\n", 1_001).event("beta\n", 1_002).event("gamma\n", 1_003).close(1_004);
        return fixture.bytes();
    }
}
