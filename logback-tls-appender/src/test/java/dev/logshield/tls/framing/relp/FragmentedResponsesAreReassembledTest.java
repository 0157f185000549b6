package dev.logshield.tls.framing.relp;

import static dev.logshield.tls.framing.relp.RelpWireSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * However a multi-frame server stream is cut into reads (at every single split point, at every pair of split
 * points, one byte at a time, at random), the parser hands over exactly the same responses and hints in the same
 * order, and knows between reads whether it holds part of a frame.
 */
class FragmentedResponsesAreReassembledTest {

    private static final byte[] STREAM = bytes(RelpWireSamples.OPEN_OK + RelpWireSamples.TWO_SYSLOG_OK
            + "5 rsp 25 500 message too long here\n" + "0 abort 0\n" + RelpWireSamples.CLOSE);

    private static final List<String> EXPECTED = List.of(
            "rsp 1 200 OK + relp_version=0\\nrelp_software=librelp,1.11.0,http://librelp.adiscon.com\\ncommands=syslog",
            "rsp 2 200 OK", "rsp 3 200 OK", "rsp 5 500 message too long here", "hint 0 abort 0", "rsp 4 (no status)",
            "serverclose");

    @Test
    void wholeStreamInOneRead() throws IOException {
        assertThat(feed(new int[0])).isEqualTo(EXPECTED);
    }

    @Test
    void everySingleSplitPoint() throws IOException {
        for (int cut = 1; cut < STREAM.length; cut++) {
            assertThat(feed(new int[] {cut})).as("split at %d", cut).isEqualTo(EXPECTED);
        }
    }

    @Test
    void everyPairOfSplitPoints() throws IOException {
        for (int a = 1; a < STREAM.length; a++) {
            for (int b = a + 1; b < STREAM.length; b++) {
                assertThat(feed(new int[] {a, b})).as("split at %d and %d", a, b).isEqualTo(EXPECTED);
            }
        }
    }

    @Test
    void oneByteAtATime() throws IOException {
        int[] cuts = new int[STREAM.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1;
        }
        assertThat(feed(cuts)).isEqualTo(EXPECTED);
    }

    @Test
    void randomReads() throws IOException {
        Random random = new Random(20_080_319);
        for (int round = 0; round < 500; round++) {
            int[] cuts = random.ints(random.nextInt(12), 1, STREAM.length).sorted().distinct().toArray();
            assertThat(feed(cuts)).isEqualTo(EXPECTED);
        }
    }

    @Test
    void aPartialFrameIsVisibleBetweenReads() throws IOException {
        RelpResponseParser parser = new RelpResponseParser();
        Recorded recorded = new Recorded();
        byte[] b = bytes("2 rsp 6 200 OK\n3 rsp");
        parser.feed(b, 0, b.length, recorded);
        assertThat(recorded.events).containsExactly("rsp 2 200 OK");
        assertThat(parser.hasPartialFrame()).isTrue();
        byte[] rest = bytes(" 6 200 OK\n");
        parser.feed(rest, 0, rest.length, recorded);
        assertThat(parser.hasPartialFrame()).isFalse();
        assertThat(recorded.events).containsExactly("rsp 2 200 OK", "rsp 3 200 OK");
        parser.feed(bytes("9"), 0, 1, recorded);
        assertThat(parser.hasPartialFrame()).isTrue();
    }

    /** Feeds STREAM cut at {@code cuts} (ascending), each read from its own array with padding around it. */
    private static List<String> feed(int[] cuts) throws IOException {
        RelpResponseParser parser = new RelpResponseParser();
        Recorded recorded = new Recorded();
        int start = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int end = i < cuts.length ? cuts[i] : STREAM.length;
            byte[] read = new byte[end - start + 4];
            System.arraycopy(STREAM, start, read, 2, end - start);
            read[0] = read[1] = read[read.length - 1] = read[read.length - 2] = 'X';
            parser.feed(read, 2, end - start, recorded);
            start = end;
        }
        assertThat(parser.hasPartialFrame()).isFalse();
        return recorded.events;
    }
}
