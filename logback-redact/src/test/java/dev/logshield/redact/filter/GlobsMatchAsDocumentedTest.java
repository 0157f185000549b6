package dev.logshield.redact.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The two glob matchers, directly: logger globs work on whole segments; value globs on characters, anchored at
 * both ends; neither backtracks exponentially on adversarial input.
 */
class GlobsMatchAsDocumentedTest {

    @Test
    void loggerGlobs() throws InvalidRuleException {
        LoggerNameGlob twoStars = LoggerNameGlob.compile("com.**.impl.*");
        assertThat(twoStars.matches("com.impl.X")).isTrue();
        assertThat(twoStars.matches("com.a.b.impl.X")).isTrue();
        assertThat(twoStars.matches("com.impl.impl.X")).isTrue();
        assertThat(twoStars.matches("com.a.impl")).isFalse();
        assertThat(twoStars.matches("com.a.impl.X.Y")).isFalse();
        assertThat(twoStars.matches("org.impl.X")).isFalse();
        assertThat(twoStars.matches(null)).isFalse();

        assertThat(LoggerNameGlob.compile("**").matches("ROOT")).isTrue();
        assertThat(LoggerNameGlob.compile("*").matches("Single")).isTrue();
        assertThat(LoggerNameGlob.compile("*").matches("two.segments")).isFalse();
        assertThat(LoggerNameGlob.compile("**.Foo").matches("Foo")).isTrue();
        assertThat(LoggerNameGlob.compile("**.Foo").matches("a.b.Foo")).isTrue();
        assertThat(LoggerNameGlob.compile("**.Foo").matches("a.b.Foo.x")).isFalse();

        assertThatThrownBy(() -> LoggerNameGlob.compile("com..acme")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> LoggerNameGlob.compile("com.ac*")).hasMessageContaining("whole segment");
    }

    @Test
    void valueGlobs() throws InvalidRuleException {
        assertThat(ValueGlob.compile("a*b?c").matches("a-long-bXc")).isTrue();
        assertThat(ValueGlob.compile("a*b?c").matches("abXc")).isTrue();
        assertThat(ValueGlob.compile("a*b?c").matches("abc")).isFalse();
        assertThat(ValueGlob.compile("*-eu").matches("acme-eu")).isTrue();
        assertThat(ValueGlob.compile("*-eu").matches("acme-eu1")).isFalse();
        assertThat(ValueGlob.compile("*").matches("")).isTrue();
        assertThat(ValueGlob.compile("a?").matches("a")).isFalse();
        assertThat(ValueGlob.compile("Acme").matches("acme")).isFalse();
    }

    /**
     * A megabyte of near misses takes milliseconds: the matchers take at most (value x pattern) steps, about
     * 2 &times; 10<sup>7</sup> here. Backtracking at every star would take longer than the universe has left, and
     * even a quadratic matcher 10<sup>12</sup> steps, many minutes; so a limit generous enough for a busy machine
     * still catches both.
     */
    @Test
    void adversarialInputStaysFast() throws InvalidRuleException {
        ValueGlob stars = ValueGlob.compile("*a*a*a*a*a*a*a*a*b");
        LoggerNameGlob anyStars = LoggerNameGlob.compile("**.a.**.a.**.a.**.b");
        String value = "a".repeat(1_000_000);
        String name = "a.".repeat(500_000) + "a";

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThat(stars.matches(value)).isFalse();
            assertThat(anyStars.matches(name)).isFalse();
        });
    }
}
