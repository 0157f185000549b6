package dev.logshield.crypto.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.logshield.crypto.verify.Finding;
import java.util.List;

/** Assertions on the exact findings of a verification: severity, message, where. */
public final class FindingAssertions {

    private FindingAssertions() {
    }

    /** The one finding of {@code severity} whose message contains {@code message}; fails unless there is exactly one. */
    public static Finding assertFinding(Verified verified, Finding.Severity severity, String message) {
        List<Finding> matching = verified.report().findings().stream()
                .filter(f -> f.severity() == severity && f.message().contains(message)).toList();
        assertThat(matching).as("%s finding containing \"%s\" in %s", severity, message, verified.describe())
                .hasSize(1);
        return matching.get(0);
    }

    /**
     * The one finding of {@code severity} at frame {@code seq} of segment {@code seriesIndex} whose message contains
     * {@code message}; fails unless there is exactly one.
     */
    public static Finding assertFinding(Verified verified, Finding.Severity severity, long seriesIndex, long seq,
                                        String message) {
        List<Finding> matching = verified.report().findings().stream()
                .filter(f -> f.severity() == severity && f.seriesIndex() == seriesIndex && f.seq() == seq
                        && f.message().contains(message)).toList();
        assertThat(matching).as("%s finding at segment %d, record %d containing \"%s\" in %s", severity, seriesIndex,
                seq, message, verified.describe()).hasSize(1);
        return matching.get(0);
    }

    /** No finding of any severity mentions {@code message}. */
    public static void assertNoFinding(Verified verified, String message) {
        assertThat(verified.report().findings()).as(verified.describe())
                .noneSatisfy(f -> assertThat(f.message()).contains(message));
    }
}
