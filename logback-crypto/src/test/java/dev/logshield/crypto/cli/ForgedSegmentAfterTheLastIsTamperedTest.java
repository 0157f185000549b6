package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security review's reproduction: a reader's recipient is a public key, so anybody can append a segment after
 * the host's last one that links to it and decrypts and authenticates with the reader key; only the host's seal
 * chain proves who wrote it. Sealed with the forger's own chain, or not sealed at all, that segment is TAMPERED for
 * whoever gives the host's seal key (a seal key implies {@code --expect-sealed}), and decrypt never outputs its
 * records; without the seal key, an unsealed segment after a sealed one (a downgrade) is TAMPERED too.
 */
class ForgedSegmentAfterTheLastIsTamperedTest {

    private static final String HOST_RECORDS = "first\nsecond\nthird\n";

    @TempDir
    Path dir;

    private SealedSegmentFile segment;

    @BeforeEach
    void writeTheHostsSegment() throws Exception {
        segment = SealedSegmentFile.write(dir);
    }

    @Test
    void sealedWithTheForgersOwnChainIsTamperedForWhoeverGivesTheSealKey() throws Exception {
        String forgersChain = segment.appendForgedSegment(true);

        for (List<String> keys : List.of(sealKey(), sealKey("--expect-sealed"), readerAnd(sealKey()),
                readerAnd(sealKey("--expect-sealed")))) {
            CliRun run = verify(keys);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.stdout()).as(run.toString()).contains("TAMPERED").doesNotContain("KEY-ERROR")
                    .contains(forgersChain).contains(segment.hostChain());
        }
    }

    @Test
    void decryptAndFollowWithTheSealKeyOutputNoRecordOfASegmentSealedWithTheForgersChain() throws Exception {
        segment.appendForgedSegment(true);

        for (CliRun run : List.of(decrypt(sealKey()), follow(sealKey()))) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.stdout()).as(run.toString()).isEqualTo(HOST_RECORDS);
        }
    }

    @Test
    void unsealedIsTamperedForWhoeverGivesTheSealKeyEvenWithoutExpectSealed() throws Exception {
        segment.appendForgedSegment(false);

        for (List<String> keys : List.of(sealKey(), readerAnd(sealKey()))) {
            CliRun run = verify(keys);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.stdout()).as(run.toString()).contains("segment 1").contains("not sealed");
        }
        CliRun decrypted = decrypt(sealKey());
        assertThat(decrypted.exitCode()).as(decrypted.toString()).isEqualTo(1);
        assertThat(decrypted.stdout()).as(decrypted.toString()).isEqualTo(HOST_RECORDS);
    }

    @Test
    void unsealedAfterASealedSegmentIsTamperedWithoutTheSealKey() throws Exception {
        segment.appendForgedSegment(false);

        CliRun verified = verify(readerAnd(List.of()));
        CliRun decrypted = decrypt(List.of());

        assertThat(verified.exitCode()).as(verified.toString()).isEqualTo(1);
        assertThat(verified.stdout()).as(verified.toString()).contains("segment 1").contains("not sealed");
        assertThat(decrypted.exitCode()).as(decrypted.toString()).isEqualTo(1);
        assertThat(decrypted.stdout()).as(decrypted.toString()).isEqualTo(HOST_RECORDS);
    }

    private List<String> sealKey(String... more) {
        List<String> options = new ArrayList<>(List.of("--seal-key", segment.auditorKey().toString()));
        options.addAll(List.of(more));
        return options;
    }

    private List<String> readerAnd(List<String> options) {
        List<String> all = new ArrayList<>(List.of("-i", segment.reader().identityArgument()));
        all.addAll(options);
        return all;
    }

    private CliRun verify(List<String> options) {
        return run("verify", options);
    }

    /** decrypt with the reader key and {@code options}. */
    private CliRun decrypt(List<String> options) {
        return run("decrypt", readerAnd(options));
    }

    /** follow with the reader key and {@code options}, stopping as soon as it has read the whole file. */
    private CliRun follow(List<String> options) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of("--idle-exit", "0"));
        return run("follow", readerAnd(all));
    }

    private CliRun run(String command, List<String> options) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(options);
        args.add(segment.file().toString());
        return CliRun.of(args.toArray(String[]::new));
    }
}
