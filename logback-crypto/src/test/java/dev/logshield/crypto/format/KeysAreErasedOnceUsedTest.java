package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.keys.CorruptStanzaException;
import dev.logshield.crypto.keys.DataKeyUnwrapper;
import dev.logshield.crypto.keys.Stanza;
import dev.logshield.crypto.testing.SegmentFixture;
import dev.logshield.crypto.testing.TestKek;
import dev.logshield.crypto.testing.TestSealKeys;
import dev.logshield.crypto.testing.Verified;
import dev.logshield.crypto.verify.SealVerifier;
import dev.logshield.crypto.verify.VerificationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key bytes handed to the format code are erased as soon as they have served: the writer's fresh data key once
 * the record cipher and key block are made, every seal key copy once its checkpoint is tagged, the data key a
 * reader's key unwraps once the segment is opened, and every seal key the auditor's chain derives once its
 * checkpoint is checked. The tests keep a reference to each array they hand over and look at it afterwards.
 */
class KeysAreErasedOnceUsedTest {

    private static final TestKek KEK = TestKek.random();

    @TempDir
    Path dir;

    @Test
    void theWriterErasesItsDataKeyAndEverySealKeyItWasGiven() throws Exception {
        RecordingRandom random = new RecordingRandom();
        RecordingSealKeys seal = new RecordingSealKeys(SegmentFixture.sealKeys());
        SegmentFixture fixture = new SegmentFixture();
        fixture.writer = SegmentWriter.start(fixture.out::write,
                new SegmentSettings(CipherSuite.AES_256_GCM, 0, 0, false, seal, null), ChainLink.seriesStart(),
                List.of(KEK), new SegmentMetadata(Map.of()), random, SegmentFixture.T0 + 100);
        fixture.event("sealed\n", SegmentFixture.T0 + SegmentFixture.EPOCH_MS + 1).close(SegmentFixture.T0
                + SegmentFixture.EPOCH_MS + 2);

        assertThat(random.handedOut.get(0)).as("the data key").hasSize(32).containsOnly(0);
        assertThat(random.handedOut.get(1)).as("the segment id").hasSize(16);
        assertThat(seal.handedOut).hasSize(3).allSatisfy(key -> assertThat(key).containsOnly(0));
        assertThat(Verified.bytes(KEK, dir.resolve("sealed.lse"), fixture.bytes()).exitCode())
                .isEqualTo(VerificationReport.INTACT);
    }

    @Test
    void openingErasesTheUnwrappedDataKeyAndCheckingErasesEverySealKey() throws Exception {
        RecordingKek reader = new RecordingKek();
        RecordingSealVerifier auditor = new RecordingSealVerifier(SegmentFixture.sealVerifier());

        Verified verified = Verified.bytes(Verified.options(List.of(reader), auditor), dir.resolve("small.lse"),
                SegmentFixture.smallSealedSegment(KEK));

        assertThat(verified.exitCode()).as(verified.describe()).isEqualTo(VerificationReport.INTACT);
        assertThat(reader.handedOut).singleElement().satisfies(key -> assertThat(key).hasSize(32).containsOnly(0));
        assertThat(auditor.handedOut).hasSize(3).allSatisfy(key -> assertThat(key).containsOnly(0));
    }

    /** Random bytes, keeping every array it filled. */
    private static final class RecordingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient List<byte[]> handedOut = new ArrayList<>();

        @Override
        public void nextBytes(byte[] bytes) {
            super.nextBytes(bytes);
            handedOut.add(bytes);
        }
    }

    /** The test chain, keeping every key copy it handed out. */
    private static final class RecordingSealKeys implements SealKeySource {
        private final TestSealKeys delegate;
        private final List<byte[]> handedOut = new ArrayList<>();

        RecordingSealKeys(TestSealKeys delegate) {
            this.delegate = delegate;
        }

        @Override
        public long originMs() {
            return delegate.originMs();
        }

        @Override
        public int intervalSeconds() {
            return delegate.intervalSeconds();
        }

        @Override
        public byte[] chainId() {
            return delegate.chainId();
        }

        @Override
        public long currentEpoch() {
            return delegate.currentEpoch();
        }

        @Override
        public byte[] currentKey() {
            byte[] key = delegate.currentKey();
            handedOut.add(key);
            return key;
        }

        @Override
        public void advanceTo(long epoch) throws IOException {
            delegate.advanceTo(epoch);
        }
    }

    /** The test KEK, keeping every data key it unwrapped. */
    private static final class RecordingKek implements DataKeyUnwrapper {
        private final List<byte[]> handedOut = new ArrayList<>();

        @Override
        public Optional<byte[]> unwrap(List<Stanza> stanzas, byte[] segmentId) throws CorruptStanzaException {
            Optional<byte[]> key = KEK.unwrap(stanzas, segmentId);
            key.ifPresent(handedOut::add);
            return key;
        }

        @Override
        public String describe() {
            return KEK.describe();
        }
    }

    /** The auditor's chain, keeping every key it derived. */
    private static final class RecordingSealVerifier implements SealVerifier {
        private final SealVerifier delegate;
        private final List<byte[]> handedOut = new ArrayList<>();

        RecordingSealVerifier(SealVerifier delegate) {
            this.delegate = delegate;
        }

        @Override
        public long originMs() {
            return delegate.originMs();
        }

        @Override
        public int intervalSeconds() {
            return delegate.intervalSeconds();
        }

        @Override
        public byte[] chainId() {
            return delegate.chainId();
        }

        @Override
        public byte[] keyAt(long epoch) {
            byte[] key = delegate.keyAt(epoch);
            handedOut.add(key);
            return key;
        }
    }
}
