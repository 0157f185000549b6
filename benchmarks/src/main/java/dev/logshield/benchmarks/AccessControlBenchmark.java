package dev.logshield.benchmarks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.MDC;

/**
 * A whole logging call ({@code log.info(template, args)} through a real context into a no-op appender) with no
 * turbo filter, and with LogShield's {@code AccessControlTurboFilter} holding ten rules that the event walks
 * through without a match: the worst case for an allowed event. The difference is what the filter adds per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class AccessControlBenchmark {

    private static final String APPENDER = "<appender name='NOP' class='ch.qos.logback.core.helpers.NOPAppender'/>"
            + "<appender name='CHECK' class='ch.qos.logback.core.read.ListAppender'/>"
            + "<logger name='bench.check' additivity='false'><appender-ref ref='CHECK'/></logger>"
            + "<root level='INFO'><appender-ref ref='NOP'/></root>";

    private static final String TEN_RULES = "<turboFilter class='dev.logshield.redact.filter.AccessControlTurboFilter'>"
            + "<rule>deny logger=com.acme.payments.internal.** level&lt;WARN</rule>"
            + "<rule>deny logger=com.acme.vault.** </rule>"
            + "<rule>deny marker=SECRET</rule>"
            + "<rule>deny mdc.role=intern logger=com.acme.hr.**</rule>"
            + "<rule>deny mdc.tenant=test-* level&lt;=DEBUG</rule>"
            + "<rule>accept logger=com.acme.security.* level>=ERROR</rule>"
            + "<rule>deny logger=org.hibernate.SQL</rule>"
            + "<rule>deny logger=**.internal.* mdc.user!=admin*</rule>"
            + "<rule>deny marker=PII mdc.consent!=yes</rule>"
            + "<rule>deny#check logger=bench.check</rule>"
            + "</turboFilter>";

    private LoggerContext plain;
    private LoggerContext filtered;
    private Logger plainLogger;
    private Logger filteredLogger;

    @Setup(Level.Trial)
    public void setUp() {
        plain = configure(APPENDER);
        filtered = configure(TEN_RULES + APPENDER);
        plainLogger = plain.getLogger("com.acme.orders.OrderService");
        filteredLogger = filtered.getLogger("com.acme.orders.OrderService");
        MDC.put("user", "u-42");
        MDC.put("tenant", "acme-eu");
        // prove the filter is installed and deciding: the rule 'check' denies this logger in 'filtered' only
        filtered.getLogger("bench.check").info("must be denied");
        plain.getLogger("bench.check").info("must pass");
        if (count(filtered) != 0 || count(plain) != 1 || filtered.getTurboFilterList().size() != 1
                || !filtered.getTurboFilterList().get(0).isStarted()) {
            throw new IllegalStateException("access control filter is not the one deciding");
        }
    }

    private static int count(LoggerContext context) {
        return ((ListAppender<?>) context.getLogger("bench.check").getAppender("CHECK")).list.size();
    }

    private static LoggerContext configure(String body) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(new ByteArrayInputStream(("<configuration>" + body + "</configuration>")
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        return context;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        MDC.clear();
        plain.stop();
        filtered.stop();
    }

    @Benchmark
    public void loggerWithoutTurboFilter() {
        plainLogger.info("order {} shipped to {}", 42, "warehouse-b");
    }

    @Benchmark
    public void loggerWithAccessControl10Rules() {
        filteredLogger.info("order {} shipped to {}", 42, "warehouse-b");
    }
}
