package dev.logshield.tls.framing.relp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The window hands out consecutive txnrs and releases events strictly in sending order: in-order answers release
 * one event each; an answer for a later command releases nothing until every earlier one is answered, then all of
 * them at once; commands without events ({@code open}, {@code close}) hold back and release like the others but
 * give no event; answers for unknown, released or twice-answered txnrs are protocol errors; a full window refuses
 * more; reset gives back the unreleased events in order and restarts at txnr 1.
 */
class RelpWindowReleasesEventsInOrderTest {

    @Test
    void inOrderAnswersReleaseOneEventEach() throws RelpProtocolException {
        RelpWindow<String> window = new RelpWindow<>(8);
        assertThat(window.addCommand()).isEqualTo(1);
        assertThat(window.add("a")).isEqualTo(2);
        assertThat(window.add("b")).isEqualTo(3);
        assertThat(window.acknowledge(1)).isEmpty();
        assertThat(window.acknowledge(2)).containsExactly("a");
        assertThat(window.acknowledge(3)).containsExactly("b");
        assertThat(window.isEmpty()).isTrue();
        assertThat(window.nextTxnr()).isEqualTo(4);
    }

    @Test
    void laterAnswersWaitForEarlierOnes() throws RelpProtocolException {
        RelpWindow<String> window = new RelpWindow<>(8);
        window.add("a");
        window.add("b");
        window.addCommand();
        window.add("c");
        window.add("d");
        assertThat(window.acknowledge(4)).isEmpty();
        assertThat(window.acknowledge(2)).isEmpty();
        assertThat(window.acknowledge(3)).isEmpty();
        assertThat(window.size()).isEqualTo(5);
        assertThat(window.acknowledge(1)).containsExactly("a", "b", "c");
        assertThat(window.size()).isEqualTo(1);
        assertThat(window.acknowledge(5)).containsExactly("d");
    }

    @Test
    void randomAnswerOrdersReleaseEverythingOnceInOrder() throws RelpProtocolException {
        Random random = new Random(128);
        for (int round = 0; round < 200; round++) {
            RelpWindow<Integer> window = new RelpWindow<>(64);
            List<Integer> txnrs = new ArrayList<>();
            for (int e = 0; e < 1 + random.nextInt(64); e++) {
                txnrs.add(window.add(e));
            }
            List<Integer> released = new ArrayList<>();
            java.util.Collections.shuffle(txnrs, random);
            for (int txnr : txnrs) {
                released.addAll(window.acknowledge(txnr));
            }
            assertThat(released).hasSize(txnrs.size()).isSorted();
            assertThat(window.isEmpty()).isTrue();
        }
    }

    @Test
    void unknownReleasedAndRepeatedAnswersAreProtocolErrors() throws RelpProtocolException {
        RelpWindow<String> window = new RelpWindow<>(8);
        assertThatThrownBy(() -> window.acknowledge(1)).isInstanceOf(RelpProtocolException.class)
                .hasMessageContaining("txnr 1, which awaits no response (in flight: none)");
        window.add("a");
        window.add("b");
        window.add("c");
        window.acknowledge(1);
        assertThatThrownBy(() -> window.acknowledge(1)).hasMessageContaining("in flight: 2 to 3");
        assertThatThrownBy(() -> window.acknowledge(4)).isInstanceOf(RelpProtocolException.class);
        assertThatThrownBy(() -> window.acknowledge(0)).isInstanceOf(RelpProtocolException.class);
        window.acknowledge(3);
        assertThatThrownBy(() -> window.acknowledge(3)).hasMessageContaining("a second response for txnr 3");
        assertThat(window.acknowledge(2)).containsExactly("b", "c");
    }

    @Test
    void aFullWindowRefusesMore() throws RelpProtocolException {
        RelpWindow<String> window = new RelpWindow<>(2);
        window.add("a");
        window.add("b");
        assertThat(window.isFull()).isTrue();
        assertThatThrownBy(() -> window.add("c")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("full");
        assertThatThrownBy(window::addCommand).isInstanceOf(IllegalStateException.class);
        window.acknowledge(1);
        assertThat(window.add("c")).isEqualTo(3);
        assertThatThrownBy(() -> new RelpWindow<String>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetGivesBackTheUnreleasedEventsAndRestartsAtOne() throws RelpProtocolException {
        RelpWindow<String> window = new RelpWindow<>(4);
        window.addCommand();
        window.add("a");
        window.add("b");
        window.add("c");
        window.acknowledge(1);
        window.acknowledge(2);
        window.acknowledge(4); // answered, but held back behind 3
        assertThat(window.reset()).containsExactly("b", "c");
        assertThat(window.isEmpty()).isTrue();
        assertThat(window.nextTxnr()).isEqualTo(1);
        assertThat(window.addCommand()).isEqualTo(1);
        assertThat(window.add("b")).isEqualTo(2);
        assertThat(window.acknowledge(1)).isEmpty();
        assertThat(window.acknowledge(2)).containsExactly("b");
    }

    @Test
    void txnrWrapsFrom999999999ToOne() throws RelpProtocolException {
        assertThat(RelpFrame.nextTxnr(999_999_998)).isEqualTo(999_999_999);
        assertThat(RelpFrame.nextTxnr(999_999_999)).isEqualTo(1);
        RelpWindow<String> window = new RelpWindow<>(8, 999_999_998);
        assertThat(window.add("a")).isEqualTo(999_999_998);
        assertThat(window.add("b")).isEqualTo(999_999_999);
        assertThat(window.add("c")).isEqualTo(1);
        assertThat(window.add("d")).isEqualTo(2);
        assertThat(window.acknowledge(1)).isEmpty();
        assertThat(window.acknowledge(999_999_999)).isEmpty();
        assertThat(window.acknowledge(999_999_998)).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> window.acknowledge(999_999_999)).isInstanceOf(RelpProtocolException.class);
        assertThat(window.acknowledge(2)).containsExactly("d");
        assertThat(window.nextTxnr()).isEqualTo(3);
    }
}
