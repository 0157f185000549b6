package dev.logshield.redact.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.logshield.metrics.Meters;
import dev.logshield.metrics.ReportGate;
import dev.logshield.redact.event.EventRedactor;
import dev.logshield.redact.event.RedactedEvent;
import dev.logshield.redact.detect.BuiltInDetectors;
import dev.logshield.redact.engine.Redactor;
import dev.logshield.redact.policy.CompiledPolicy;
import dev.logshield.redact.policy.LoadedPolicy;
import dev.logshield.redact.policy.PolicyCompiler;
import dev.logshield.redact.policy.PolicyFileLoader;
import dev.logshield.redact.policy.RedactionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.time.Duration;

/**
 * The compiled engine behind one set of {@link RedactionSettings}, shared by every encoder, layout and
 * converter of the context that has the same settings.
 *
 * <p>It remembers, per thread, the last text it redacted and the result: when several appenders print the
 * same event, its message (the same {@code String} instance) is scanned once. When the settings name a policy
 * file, the file is checked for changes on Logback's scheduler and the engine swapped atomically; a reload that
 * cannot read the file keeps the previous engine and reports why.
 */
final class SharedRedactionEngine extends ContextAwareBase {

    private static final class Memo {
        final RecentTexts texts = new RecentTexts();
        Redactor viewRedactor;
        ILoggingEvent event;
        ILoggingEvent view;
        final EventRedactor.Scratch scratch = new EventRedactor.Scratch();
    }

    private final RedactionSettings settings;
    private final ThreadLocal<Memo> memo = ThreadLocal.withInitial(Memo::new);
    private final StatusReportingListener listener;
    private final LongAdder viewsComputed = new LongAdder();
    private final LongAdder viewFailures = new LongAdder();
    private final ReportGate viewFailureReports = new ReportGate(Duration.ofSeconds(10));
    private final java.util.function.Consumer<Throwable> failures = this::viewFailed;
    private volatile Redactor current;
    private volatile FileStamp stamp;
    private Path watchedFile;

    SharedRedactionEngine(Context context, RedactionSettings settings) {
        setContext(context);
        this.settings = settings;
        this.listener = new StatusReportingListener(this,
                Meters.forRegistry(settings.metricsRegistry(), "<redaction>", this::addWarn));
        this.current = compile(true);
        scheduleReload();
    }

    /** The engine in force now. */
    Redactor redactor() {
        return current;
    }

    /** Redacts {@code text}, reusing this thread's result for the same short instance ({@link RecentTexts}). */
    String redact(String text) {
        return redact(current, text);
    }

    /** Redacts {@code text} with {@code r} (the engine an event started with), reusing this thread's recent results. */
    String redact(Redactor r, String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        RecentTexts recent = memo.get().texts;
        String known = recent.get(r, text);
        if (known != null) {
            return known;
        }
        String out = r.redact(text);
        recent.put(r, text, out);
        return out;
    }

    /**
     * The redacted view of {@code event} under the engine in force (see {@link EventRedactor}): the event itself when
     * nothing in it matched. Each thread remembers its last event and view, so every appender of the context that
     * shares this engine, one after the other on the logging thread, gets the same view from one scan; an event
     * that is already this engine's view is handed back as it is. Never throws.
     */
    ILoggingEvent view(ILoggingEvent event) {
        Redactor r = current;
        if (event == null || event instanceof RedactedEvent v && v.redactedBy() == r) {
            return event;
        }
        Memo m = memo.get();
        if (m.event == event && m.viewRedactor == r) {
            return m.view;
        }
        viewsComputed.increment();
        ILoggingEvent view = EventRedactor.redact(event, r, failures, m.scratch);
        m.viewRedactor = r;
        m.event = event;
        m.view = view;
        return view;
    }

    /** How many events this engine has scanned for a view (not counting the memo's answers). */
    long viewsComputed() {
        return viewsComputed.sum();
    }

    private void viewFailed(Throwable failure) {
        viewFailures.increment();
        if (viewFailureReports.tryOpen()) {
            addError("Redaction of an event failed; its message, arguments, MDC, key-value pairs, markers and "
                    + "exception were withheld as " + Redactor.FAILED + " (" + viewFailures.sum()
                    + " event(s) so far)", failure);
        }
    }

    /** Redacts a named value: the whole value when the name is sensitive. */
    String redactValue(String key, String value) {
        return current.redactValue(key, value);
    }

    private Redactor compile(boolean firstTime) {
        RedactionPolicy filePolicy = RedactionPolicy.empty();
        String location = settings.policyLocation();
        if (location != null) {
            LoadedPolicy loaded = PolicyFileLoader.load(location, classLoader());
            loaded.problems().forEach(p -> addError("Redaction policy " + location + ": " + p
                    + " (built-in redaction stays on)"));
            if (!firstTime && loaded.policy().isEmpty() && !loaded.problems().isEmpty()) {
                addError("Redaction policy " + location + " could not be reloaded; keeping the previous policy");
                return null;
            }
            filePolicy = loaded.policy();
            if (firstTime) {
                watchedFile = loaded.file().orElse(null);
            }
        }
        List<String> inlineErrors = new ArrayList<>();
        RedactionPolicy inline = settings.inlinePolicy(inlineErrors::add);
        inlineErrors.forEach(e -> addError("Redaction setting ignored: " + e));
        CompiledPolicy compiled = PolicyCompiler.compile(filePolicy.overriddenBy(inline), BuiltInDetectors.catalog(), listener);
        compiled.errors().forEach(e -> addError("Redaction: " + e));
        compiled.warnings().forEach(w -> addWarn("Redaction: " + w));
        return compiled.redactor();
    }

    private ClassLoader classLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : getClass().getClassLoader();
    }

    private void scheduleReload() {
        int period = settings.policyRefreshSeconds();
        if (watchedFile == null || period <= 0) {
            return;
        }
        stamp = FileStamp.of(watchedFile);
        ScheduledFuture<?> future = getContext().getScheduledExecutorService()
                .scheduleWithFixedDelay(this::reloadIfChanged, period, period, TimeUnit.SECONDS);
        getContext().addScheduledFuture(future);
        addInfo("Watching redaction policy " + watchedFile + " for changes every " + period + " s");
    }

    void reloadIfChanged() {
        try {
            FileStamp now = FileStamp.of(watchedFile);
            if (now.equals(stamp)) {
                return;
            }
            stamp = now;
            Redactor next = compile(false);
            if (next != null) {
                current = next;
                addInfo("Reloaded redaction policy " + watchedFile);
            }
        } catch (RuntimeException e) {
            addError("Reloading redaction policy " + watchedFile + " failed; keeping the previous policy", e);
        }
    }

    /** Modification time and size of a file, or a marker for a missing file. */
    private record FileStamp(long modified, long size) {
        static FileStamp of(Path p) {
            try {
                return new FileStamp(Files.getLastModifiedTime(p).toMillis(), Files.size(p));
            } catch (IOException e) {
                return new FileStamp(-1, -1);
            }
        }
    }

    Optional<Path> watchedFile() {
        return Optional.ofNullable(watchedFile);
    }
}
