package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.core.status.Status;
import dev.logshield.redact.engine.Rule;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * An event sent to three {@code RedactingAppender}s configured alike (the same {@code <redaction>} element, or none)
 * is scanned once: the three share the context's engine for those settings, and its per-thread memo hands the
 * second and third the view the first one computed. Each appender behind them still gets the redacted view.
 */
class ThreeRedactingAppendersScanAnEventOnceTest {

    private static final String EMAIL = "jane.doe@example.com";
    private static final String CARD = "4111 1111 1111 1111";
    private static final String TOKEN = "ghp_" + "F4kEt0KeNn0Tr3aLzQ9wX8yV7uT6sR5pO2mN";

    @TempDir
    Path dir;

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("explicit", (Supplier<RedactionSettings>) () -> {
                    RedactionSettings settings = new RedactionSettings();
                    settings.addSensitiveKey("pin");
                    settings.addDetector("ipv4: partial");
                    return settings;
                }),
                Arguments.of("default", (Supplier<RedactionSettings>) RedactionSettings::new));
    }

    @ParameterizedTest(name = "{0} settings")
    @MethodSource("configurations")
    void eachEventIsScannedOnceForThreeAppenders(String variant, Supplier<RedactionSettings> sameSettings) {
        try (LogbackHarness logback = LogbackHarness.configure(getClass().getSimpleName() + "-" + variant, dir)) {
            assertThat(logback.statusMessages(Status.ERROR)).isEmpty();
            SharedRedactionEngine engine = RedactionEngineRegistry.engineFor(logback.context, sameSettings.get());
            Rule email = engine.redactor().rules().stream().filter(r -> r.name().equals("email")).findFirst()
                    .orElseThrow();
            long viewsBefore = engine.viewsComputed();
            long emailHitsBefore = email.hits();

            Logger log = logback.logger("shop.Checkout");
            log.info("mail {}", EMAIL);
            MDC.put("password", "hunter2");
            try {
                log.info("checkout by {}", "bob@example.org");
            } finally {
                MDC.clear();
            }
            log.atInfo().addKeyValue("note", "card " + CARD).log("paid");
            log.warn("deploy failed", new IllegalStateException("token " + TOKEN + " refused"));
            log.info("nothing secret here");

            assertThat(engine.viewsComputed() - viewsBefore).as("events scanned").isEqualTo(5);
            assertThat(email.hits() - emailHitsBefore).as("e-mail addresses found").isEqualTo(2);
            for (String file : new String[] {"A.log", "B.log", "C.log"}) {
                assertThat(logback.written(file))
                        .contains("mail [REDACTED:email]", "password=[REDACTED:secret]", "card [REDACTED:credit-card]",
                                "token [REDACTED:github-token] refused", "nothing secret here")
                        .doesNotContain(EMAIL, "bob@example.org", "hunter2", CARD, TOKEN);
            }
        }
    }
}
