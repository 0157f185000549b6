package dev.logshield.redact.filter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.logshield.metrics.Meters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Marker;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.MDCAdapter;

/**
 * Decides which logging events may be logged at all, by ordered allow/deny rules on the logger name, level,
 * markers and MDC; the first matching rule wins. Declare it first among the turbo filters: Logback stops at the
 * first turbo filter that denies or accepts.
 *
 * <pre>{@code
 * <turboFilter class="dev.logshield.redact.filter.AccessControlTurboFilter">
 *   <rule>deny#payments-debug logger=com.acme.payments.internal.** level&lt;WARN</rule>
 *   <rule>allow mdc.role=auditor</rule>
 *   <rule>deny marker=SENSITIVE mdc.tenant!=acme-*</rule>
 *   <rule>accept logger=com.acme.security.* level>=ERROR</rule>
 *   <defaultDecision>neutral</defaultDecision>   <!-- neutral (default) | deny | accept -->
 *   <metricsRegistry>global</metricsRegistry>    <!-- default global; none turns metrics off -->
 * </turboFilter>
 * }</pre>
 *
 * <p>A rule is {@code VERB[#ID] CONDITION...}; all its conditions must hold (none: it matches every event).
 * {@code deny} drops the event; {@code allow} lets it through to Logback's usual level checks; {@code accept}
 * lets it through <em>even below the logger's level</em> (a DEBUG event on an INFO logger is logged) and skips
 * the turbo filters declared after this one. Conditions: {@code logger=GLOB} / {@code logger!=GLOB} ({@code *}
 * one name segment, {@code **} any number of segments, so {@code com.acme.**} is com.acme and everything under
 * it); {@code level<X}, {@code <=}, {@code >}, {@code >=}, {@code =}, {@code !=} (write {@code <} as
 * {@code &lt;} in XML); {@code marker=NAME} / {@code marker!=NAME} (a marker that references NAME counts);
 * {@code mdc.KEY=GLOB} / {@code mdc.KEY!=GLOB} ({@code *} and {@code ?}, case-sensitive; a missing key equals
 * nothing); {@code mdc.KEY} alone (the key is present). Without {@code #ID} a rule's id is {@code rule-N}, N its
 * position from 1.
 *
 * <p>Fail closed. An invalid rule, {@code defaultDecision} or duplicate id is a status error naming the rule
 * and the problem, and the filter stays unstarted. Logback 1.5 and 1.6 still add it to the context and still
 * call it (their own turbo filters answer NEUTRAL when unstarted, which would let everything through), so this
 * filter instead DENIES EVERY EVENT while it is not started (misconfigured, never started, or stopped),
 * counting those under rule {@code not-started}. An event it cannot evaluate (an exception from an MDC adapter
 * or a marker) is denied too, counted under {@code internal-error} and reported at most once a minute.
 *
 * <p>Denials are counted per rule id: {@link #deniedBy(String)} and the Micrometer counter
 * {@code logshield.access.denied{rule=ID}} (also {@code default}, {@code not-started}, {@code internal-error}).
 * The filter never formats the message and allocates nothing on the common path. The MDC is read from the
 * logger context's MDC adapter, the one Logback copies into events. {@code isXxxEnabled()} and the fluent
 * {@code atXxx()} consult turbo filters without markers, so there {@code marker!=NAME} holds.
 */
public final class AccessControlTurboFilter extends TurboFilter {

    private static final long REPORT_INTERVAL_NANOS = 60_000_000_000L;

    private final List<String> rules = new ArrayList<>();
    private String defaultDecision = "neutral";
    private String metricsRegistry = Meters.GLOBAL;

    private volatile AccessRuleSet ruleSet = AccessRuleSetCompiler.inactive(Meters.NOOP);
    private final AtomicLong nextErrorReport = new AtomicLong(System.nanoTime());

    /** One {@code <rule>}; called once per element, in document order. */
    public void addRule(String rule) {
        rules.add(rule);
    }

    /** {@code neutral} (default), {@code deny} or {@code accept}: the decision when no rule matches. */
    public void setDefaultDecision(String defaultDecision) {
        this.defaultDecision = defaultDecision;
    }

    /** Registry for the denial counters: {@code global} (default), {@code none}, or a registered name. */
    public void setMetricsRegistry(String metricsRegistry) {
        this.metricsRegistry = metricsRegistry == null || metricsRegistry.isBlank() ? Meters.GLOBAL
                : metricsRegistry.trim();
    }

    /** Events denied since start under {@code ruleId} (a rule's id, {@code default}, {@code not-started}...). */
    public long deniedBy(String ruleId) {
        return ruleSet.deniedBy(ruleId);
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        AccessRuleSet compiled;
        try {
            Meters meters = Meters.forRegistry(metricsRegistry, "AccessControlTurboFilter", this::addWarn);
            compiled = new AccessRuleSetCompiler(this, meters)
                    .compile(new ArrayList<>(rules), defaultDecision);
        } catch (RuntimeException | LinkageError e) {
            addError("AccessControlTurboFilter could not compile its rules", e);
            compiled = AccessRuleSetCompiler.inactive(Meters.NOOP);
        }
        ruleSet = compiled;
        if (compiled.active) {
            super.start();
        } else {
            addError("AccessControlTurboFilter did not start: until its configuration is fixed it DENIES EVERY"
                    + " EVENT (fail closed), counted under rule '" + AccessRuleSet.NOT_STARTED + "'. Rule syntax:"
                    + " VERB[#ID] CONDITION..., e.g. deny#debug logger=com.acme.** level&lt;INFO");
        }
    }

    @Override
    public void stop() {
        ruleSet = ruleSet.deactivated();
        super.stop();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        AccessRuleSet set = ruleSet;
        try {
            if (!set.active) {
                set.notStarted.record();
                return FilterReply.DENY;
            }
            if (level == null) {
                return internalError(set, null);
            }
            return reply(set.decide(logger == null ? null : logger.getName(), severity(level), marker, null,
                    mdcOf(logger)));
        } catch (Throwable e) {
            return internalError(set, e);
        }
    }

    /** SLF4J 2 fluent-API events (Logback 1.5.21+): every marker of the event counts, not only the first. */
    @Override
    public FilterReply decide(Logger logger, org.slf4j.event.LoggingEvent event) {
        AccessRuleSet set = ruleSet;
        try {
            if (!set.active) {
                set.notStarted.record();
                return FilterReply.DENY;
            }
            if (event == null || event.getLevel() == null) {
                return internalError(set, null);
            }
            String name = logger != null ? logger.getName() : event.getLoggerName();
            return reply(set.decide(name, event.getLevel().toInt(), null, event.getMarkers(), mdcOf(logger)));
        } catch (Throwable e) {
            return internalError(set, e);
        }
    }

    private MDCAdapter mdcOf(Logger logger) {
        LoggerContext context = logger != null ? logger.getLoggerContext() : null;
        if (context == null && getContext() instanceof LoggerContext own) {
            context = own;
        }
        return context == null ? null : context.getMDCAdapter();
    }

    /** Logback's level on SLF4J's scale, which rules are compiled to. */
    static int severity(Level level) {
        switch (level.levelInt) {
            case Level.TRACE_INT:
                return LocationAwareLogger.TRACE_INT;
            case Level.DEBUG_INT:
                return LocationAwareLogger.DEBUG_INT;
            case Level.INFO_INT:
                return LocationAwareLogger.INFO_INT;
            case Level.WARN_INT:
                return LocationAwareLogger.WARN_INT;
            case Level.ERROR_INT:
                return LocationAwareLogger.ERROR_INT;
            case Level.ALL_INT:
                return Integer.MIN_VALUE;
            default:
                return Integer.MAX_VALUE; // OFF: Logback has no other levels
        }
    }

    private static FilterReply reply(AccessVerb verb) {
        switch (verb) {
            case DENY:
                return FilterReply.DENY;
            case ACCEPT:
                return FilterReply.ACCEPT;
            default:
                return FilterReply.NEUTRAL;
        }
    }

    private FilterReply internalError(AccessRuleSet set, Throwable cause) {
        try {
            set.internalError.record();
            long now = System.nanoTime();
            long next = nextErrorReport.get();
            if (now - next >= 0 && nextErrorReport.compareAndSet(next, now + REPORT_INTERVAL_NANOS)) {
                addError("AccessControlTurboFilter could not evaluate a logging event"
                        + (cause == null ? " (the event or its level was missing)" : "") + " and denied it (fail closed); "
                        + set.deniedBy(AccessRuleSet.INTERNAL_ERROR) + " so far, counted under rule '"
                        + AccessRuleSet.INTERNAL_ERROR + "'. Reported at most once a minute.", cause);
            }
        } catch (Throwable ignored) {
            // reporting must never turn a denial into an exception in the application
        }
        return FilterReply.DENY;
    }
}
