package dev.logshield.redact.event;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The view's throwable is a real {@link ThrowableProxy} (consumers test for it and read {@code getThrowable()}):
 * messages of the exception, its causes at any depth and its suppressed exceptions are redacted, frames unchanged.
 */
class ThrowablesAreRedactedAtAnyDepthTest {

    private static Throwable failure() {
        Exception deepest = new IllegalArgumentException("token for " + Events.EMAIL);
        Exception middle = new java.sql.SQLException("jdbc:postgresql://app:S3cr3tPassw0rd@db:5432/orders", deepest);
        IllegalStateException top = new IllegalStateException("charging " + Events.CARD + " failed",
                new RuntimeException("wrapped", middle));
        top.addSuppressed(new RuntimeException("close failed for " + Events.EMAIL));
        return top;
    }

    @Test
    void proxyAndStandInCarryOnlyRedactedMessages() {
        Throwable original = failure();
        ILoggingEvent view = Events.view(Events.withThrowable("payment failed", original));
        IThrowableProxy proxy = view.getThrowableProxy();
        assertThat(proxy).isInstanceOf(ThrowableProxy.class);
        assertThat(proxy.getClassName()).isEqualTo(IllegalStateException.class.getName());
        assertThat(proxy.getMessage()).isEqualTo("charging [REDACTED:credit-card] failed");
        assertThat(proxy.getCause().getCause().getMessage()).doesNotContain("S3cr3tPassw0rd").contains("@db:5432/orders");
        assertThat(proxy.getCause().getCause().getCause().getMessage()).isEqualTo("token for [REDACTED:email]");
        assertThat(proxy.getSuppressed()[0].getMessage()).isEqualTo("close failed for [REDACTED:email]");

        String rendered = ThrowableProxyUtil.asString(proxy);
        assertThat(rendered).doesNotContain(Events.CARD).doesNotContain(Events.EMAIL).doesNotContain("S3cr3tPassw0rd")
                .contains("java.lang.IllegalStateException: charging").contains("Caused by: java.sql.SQLException")
                .contains("Suppressed: java.lang.RuntimeException").contains("\tat " + getClass().getName());

        Throwable standIn = ((ThrowableProxy) proxy).getThrowable();
        assertThat(standIn).isInstanceOf(RedactedException.class);
        assertThat(((RedactedException) standIn).originalClassName()).isEqualTo(IllegalStateException.class.getName());
        assertThat(standIn.getStackTrace()).isEqualTo(original.getStackTrace());
        StringWriter printed = new StringWriter();
        standIn.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain(Events.CARD).doesNotContain(Events.EMAIL)
                .doesNotContain("S3cr3tPassw0rd").contains("java.lang.IllegalStateException: charging [REDACTED:credit-card] failed")
                .contains("Caused by: java.sql.SQLException").contains("Suppressed: java.lang.RuntimeException: close failed");
        assertThat(standIn.getCause().getCause().getCause().getMessage()).isEqualTo("token for [REDACTED:email]");
    }

    @Test
    void anOverriddenToStringIsRedactedToo() {
        Exception odd = new Exception("plain") {
            @Override
            public String toString() {
                return "OddException for " + Events.EMAIL;
            }
        };
        ILoggingEvent view = Events.view(Events.withThrowable("failed", odd));
        assertThat(ThrowableProxyUtil.asString(view.getThrowableProxy())).doesNotContain(Events.EMAIL)
                .contains("OddException for [REDACTED:email]");
    }

    @Test
    void logbacksOwnConverterPrintsTheRedactedTrace() {
        ThrowableProxyConverter converter = new ThrowableProxyConverter();
        converter.start();
        String out = converter.convert(Events.view(Events.withThrowable("failed", failure())));
        assertThat(out).doesNotContain(Events.CARD).doesNotContain(Events.EMAIL).contains("IllegalStateException");
    }
}
