package dev.logshield.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/**
 * What the three {@link SecretBearingEvents} look like once printed with Boot's {@code CONSOLE_LOG_PATTERN} or
 * {@code FILE_LOG_PATTERN}: no secret, and everything else still there, printed by Boot's own converters.
 */
final class BootPatternOutput {

    private BootPatternOutput() {
    }

    static void assertRedactedAndReadable(String output) {
        SecretBearingEvents.assertNoSecretIn(output);
        assertThat(output)
                // the message and its argument
                .contains("Password reset link sent to [REDACTED:email]")
                .contains("Payment declined")
                // Boot's %esb{APPLICATION_NAME}, from spring.application.name
                .contains("[petclinic]")
                // the exception tree, printed by %wEx: class names, benign text, frames, causes, suppressed
                .contains("java.lang.IllegalArgumentException: " + SecretBearingEvents.BENIGN_REQUEST_TEXT
                        + "password=[REDACTED:secret]")
                .contains("Caused by: java.lang.IllegalStateException: Owner lookup failed for [REDACTED:email]")
                .contains("Suppressed: java.lang.UnsupportedOperationException: Upstream replied 401 to Authorization:")
                .contains("\tat " + SecretBearingEvents.class.getName() + ".requestRejected(")
                .doesNotContain("RedactedException");
        // %wEx is %m%n then the extended trace between two line separators: a blank line after the message
        assertThat(output).as("the exception printed by Boot's %%wEx (a blank line between message and trace)")
                .containsPattern(Pattern.compile("Request rejected\\R\\Rjava\\.lang\\.IllegalArgumentException: "));
    }
}
