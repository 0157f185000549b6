package dev.logshield.tls.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.metrics.Meters;
import dev.logshield.tls.testing.TestMeters;
import org.junit.jupiter.api.Test;

/**
 * With {@code <allowAnyClient>}, every certificate a CA issued may connect: the {@code events{client}} counter
 * keeps one tag per client name only up to {@link ReceiverMetrics#MAX_CLIENT_TAGS}, then counts further clients
 * as {@code other}, so the registry cannot grow without bound; known clients keep their own tag.
 */
class ClientTagsAreBoundedTest {

    @Test
    void clientsPastTheCapShareTheOtherTag() {
        try (TestMeters registry = TestMeters.register()) {
            ReceiverMetrics metrics = new ReceiverMetrics(Meters.forRegistry(registry.name()), 6514);
            for (int i = 0; i < ReceiverMetrics.MAX_CLIENT_TAGS + 500; i++) {
                metrics.clientEvents("client-" + i).increment();
            }
            metrics.clientEvents("client-0").increment();

            assertThat(registry.count("logshield.receiver.events", "client", "client-0")).isEqualTo(2);
            assertThat(registry.count("logshield.receiver.events", "client", "client-999")).isEqualTo(1);
            assertThat(registry.count("logshield.receiver.events", "client", "client-1000")).isZero();
            assertThat(registry.count("logshield.receiver.events", "client", ReceiverMetrics.OTHER_CLIENTS))
                    .isEqualTo(500);
            assertThat(registry.describe().stream().filter(m -> m.startsWith("logshield.receiver.events")))
                    .hasSizeLessThanOrEqualTo(ReceiverMetrics.MAX_CLIENT_TAGS + 1);
        }
    }
}
