package dev.logshield.tls.testing;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one status message an {@code MtlsAppender} logs at stop, read back into its numbers: {@code [SHIP] stopped: <n>
 * event(s) delivered, <none dropped | d dropped (reason n, ...; see logshield.tls.dropped)>, <k left in the spool DIR
 * (r of them put back from memory), delivered first at the next start | the spool is empty>}.
 *
 * @param level      the status level (ERROR when something was dropped, WARN when events are left, else INFO)
 * @param leftInSpool -1 when the message says nothing about a spool
 */
public record StopSummary(int level, String message, long delivered, long dropped, Map<String, Long> droppedByReason,
                          long leftInSpool, long putBack) {

    private static final Pattern FORM = Pattern.compile("stopped: (\\d+) event\\(s\\) delivered, (?:none dropped|(\\d+)"
            + " dropped \\(([^;]*); see logshield\\.tls\\.dropped\\))(?:, (?:the spool is empty|(\\d+) left in the spool"
            + " \\S+(?: \\((\\d+) of them put back from memory\\))?, delivered first at the next start))?$");

    /**
     * The stop message of {@code appender} in the context's statuses.
     *
     * @throws AssertionError when there is not exactly one, or it does not read as above
     */
    public static StopSummary of(LoggerContext context, String appender) {
        String prefix = "[" + appender + "] stopped: ";
        List<Status> found = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getMessage().startsWith(prefix)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one stop message, got " + found.size() + ": "
                    + found.stream().map(Status::getMessage).toList());
        }
        Status status = found.get(0);
        Matcher m = FORM.matcher(status.getMessage());
        if (!m.find()) {
            throw new AssertionError("the stop message does not read as expected: " + status.getMessage());
        }
        Map<String, Long> reasons = new TreeMap<>();
        if (m.group(3) != null) {
            for (String part : m.group(3).split(", ")) {
                int space = part.lastIndexOf(' ');
                reasons.put(part.substring(0, space), Long.parseLong(part.substring(space + 1)));
            }
        }
        boolean spoolSaid = status.getMessage().contains("the spool is empty") || m.group(4) != null;
        return new StopSummary(status.getLevel(), status.getMessage(), Long.parseLong(m.group(1)),
                m.group(2) == null ? 0 : Long.parseLong(m.group(2)), reasons,
                m.group(4) != null ? Long.parseLong(m.group(4)) : spoolSaid ? 0 : -1,
                m.group(5) == null ? 0 : Long.parseLong(m.group(5)));
    }
}
