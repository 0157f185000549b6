package dev.logshield.crypto.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner's view of a file: any range it asks for, small (through the read-ahead window, also across the
 * window's end) or larger than the window (read directly), is exactly the file's bytes; the file may grow between
 * reads (follow mode); a range past the end is an {@link EOFException}, never stale or zero bytes; a closed source
 * reads nothing.
 */
class FileByteSourceReadsExactlyWhatTheFileHoldsTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void smallAndLargeRangesAreTheFilesBytes() throws Exception {
        byte[] content = random(MIB + 123);
        Path file = Files.write(dir.resolve("big.lse"), content);

        try (FileByteSource source = new FileByteSource(file)) {
            assertThat(source.size()).isEqualTo(content.length);
            assertRange(source, content, 10, 100);
            assertRange(source, content, 256 * 1024 - 50, 100);
            assertRange(source, content, 5, 128 * 1024 + 1);
            assertRange(source, content, 1000, 300 * 1024);
            assertRange(source, content, 0, 100);
            assertRange(source, content, content.length - 7, 7);
        }
    }

    @Test
    void aGrowingFileIsReadAsItNowIs() throws Exception {
        byte[] first = random(1000);
        byte[] more = random(500);
        Path file = Files.write(dir.resolve("growing.lse"), first);

        try (FileByteSource source = new FileByteSource(file)) {
            assertRange(source, first, 900, 100);
            Files.write(file, more, StandardOpenOption.APPEND);

            byte[] both = new byte[1500];
            System.arraycopy(first, 0, both, 0, 1000);
            System.arraycopy(more, 0, both, 1000, 500);
            assertRange(source, both, 950, 100);
        }
    }

    @Test
    void aRangePastTheEndIsRefused() throws Exception {
        Path file = Files.write(dir.resolve("short.lse"), random(100));

        try (FileByteSource source = new FileByteSource(file)) {
            assertThatThrownBy(() -> source.read(90, new byte[20], 0, 20)).isInstanceOf(EOFException.class)
                    .hasMessage("read past the end of the file at 90");
            assertThatThrownBy(() -> source.read(50, new byte[200 * 1024], 0, 200 * 1024))
                    .isInstanceOf(EOFException.class).hasMessageStartingWith("read past the end of the file at ");
        }
    }

    @Test
    void aClosedSourceReadsNothing() throws Exception {
        Path file = Files.write(dir.resolve("closed.lse"), random(100));
        FileByteSource source = new FileByteSource(file);

        source.close();

        assertThatThrownBy(source::size).isInstanceOf(IOException.class);
    }

    private static void assertRange(FileByteSource source, byte[] content, int position, int length)
            throws Exception {
        byte[] into = new byte[length + 2];
        source.read(position, into, 1, length);
        assertThat(Arrays.copyOfRange(into, 1, 1 + length))
                .as("%d bytes at %d", length, position)
                .isEqualTo(Arrays.copyOfRange(content, position, position + length));
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }
}
