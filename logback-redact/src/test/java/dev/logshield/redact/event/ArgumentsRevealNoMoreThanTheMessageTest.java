package dev.logshield.redact.event;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A consumer that reads the template and the arguments apart (OpenTelemetry's {@code captureArguments}) learns no
 * more than the redacted formatted message shows.
 */
class ArgumentsRevealNoMoreThanTheMessageTest {

    @Test
    void anArgumentHarmlessAloneIsReplacedWhenTheMessageRedactsItsPlace() {
        ILoggingEvent view = Events.view(Events.info("login password={} for user {}", "hunter2", "alice"));
        assertThat(view.getFormattedMessage()).doesNotContain("hunter2").contains("for user alice");
        assertThat(view.getArgumentArray()[0]).asString().doesNotContain("hunter2").startsWith("[REDACTED");
        assertThat(view.getArgumentArray()[1]).isEqualTo("alice");
        assertThat(view.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void aSecretArgumentIsReplacedAndNeighboursStay() {
        ILoggingEvent view = Events.view(Events.info("charging {} for order {}", Events.CARD, 42));
        assertThat(view.getFormattedMessage()).isEqualTo("charging [REDACTED:credit-card] for order 42");
        assertThat(Arrays.toString(view.getArgumentArray())).doesNotContain(Events.CARD);
        assertThat(view.getArgumentArray()[1]).isEqualTo(42);
    }

    @Test
    void anArgumentNoPlaceholderTakesIsRedactedOnItsOwn() {
        ILoggingEvent view = Events.view(Events.info("hello", "mail " + Events.EMAIL, Events.CARD));
        assertThat(view.getFormattedMessage()).isEqualTo("hello");
        assertThat(Arrays.toString(view.getArgumentArray())).doesNotContain(Events.EMAIL).doesNotContain(Events.CARD)
                .contains("mail [REDACTED:email]");
    }

    @Test
    void escapedPlaceholdersAndArraysAreLocated() {
        ILoggingEvent view = Events.view(Events.info("literal \\{} then {} and {}", new String[] {"a", Events.EMAIL}, "bob"));
        assertThat(view.getFormattedMessage()).startsWith("literal {} then [a, [REDACTED:email]]").endsWith("and bob");
        assertThat(view.getArgumentArray()[0]).asString().doesNotContain(Events.EMAIL);
        assertThat(view.getArgumentArray()[1]).isEqualTo("bob");
    }

    @Test
    void aSecretInTheTemplateItselfIsRedacted() {
        ILoggingEvent view = Events.view(Events.info("card " + Events.CARD + " for {}", "alice"));
        assertThat(view.getMessage()).doesNotContain(Events.CARD).contains("{}");
        assertThat(view.getArgumentArray()[0]).isEqualTo("alice");
    }
}
