package dev.logshield.redact.json;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.composite.loggingevent.CallerDataJsonProvider;
import net.logstash.logback.fieldnames.LogstashCommonFieldNames;
import net.logstash.logback.fieldnames.LogstashFieldNames;

/**
 * The top-level names that application data (MDC, arguments, key-values, markers) may not take: logstash's
 * standard field names, whatever they were renamed to, and LogShield's own error fields. The default names stay
 * protected after a rename, because readers of the logs may still look for them.
 */
final class ProtectedFieldNames {

    static final Set<String> DEFAULTS = Set.of(
            "@timestamp", "@version", "message", "logger_name", "thread_name", "level", "level_value",
            "stack_trace", "caller_class_name", "caller_method_name", "caller_file_name", "caller_line_number",
            "tags", FieldNamer.ERROR_FIELD, FieldNamer.ERROR_FLAG_FIELD);

    private ProtectedFieldNames() {
    }

    /** The defaults plus the names configured with {@code <fieldNames>} on a {@code LogstashEncoder}. */
    static Set<String> of(LogstashFieldNames names) {
        Set<String> out = new HashSet<>(DEFAULTS);
        if (names != null) {
            // not mdc/keyValuePair/arguments: those name the objects the application data is nested in
            add(out, List.of(nullToEmpty(names.getTimestamp()), nullToEmpty(names.getVersion()),
                    nullToEmpty(names.getMessage()), nullToEmpty(names.getThread()), nullToEmpty(names.getUuid()),
                    nullToEmpty(names.getContext()), nullToEmpty(names.getLogger()), nullToEmpty(names.getLevel()),
                    nullToEmpty(names.getLevelValue()), nullToEmpty(names.getCaller()),
                    nullToEmpty(names.getCallerClass()), nullToEmpty(names.getCallerMethod()),
                    nullToEmpty(names.getCallerFile()), nullToEmpty(names.getCallerLine()),
                    nullToEmpty(names.getStackTrace()), nullToEmpty(names.getRootStackTraceElement()),
                    nullToEmpty(names.getTags())));
        }
        return Set.copyOf(out);
    }

    /** The defaults plus the names the standard providers of a composite encoder write. */
    static Set<String> of(Collection<? extends JsonProvider<?>> providers) {
        Set<String> out = new HashSet<>(DEFAULTS);
        for (JsonProvider<?> p : providers) {
            if (FieldSource.of(p) != FieldSource.STANDARD) {
                continue;
            }
            if (p instanceof AbstractFieldJsonProvider<?> field) {
                add(out, List.of(nullToEmpty(field.getFieldName())));
            }
            if (p instanceof CallerDataJsonProvider caller) {
                add(out, List.of(nullToEmpty(caller.getClassFieldName()), nullToEmpty(caller.getMethodFieldName()),
                        nullToEmpty(caller.getFileFieldName()), nullToEmpty(caller.getLineFieldName())));
            }
        }
        return Set.copyOf(out);
    }

    private static void add(Set<String> out, List<String> names) {
        for (String n : names) {
            if (!n.isBlank() && !LogstashCommonFieldNames.IGNORE_FIELD_INDICATOR.equals(n)) {
                out.add(n);
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
