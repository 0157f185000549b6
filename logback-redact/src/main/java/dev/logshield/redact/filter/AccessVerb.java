package dev.logshield.redact.filter;

/** What an access rule does to the events it matches; the first word of a {@code <rule>}. */
enum AccessVerb {

    /** Drop the event. */
    DENY("deny"),
    /** Let the event through to Logback's normal level checks (the turbo filter stays neutral). */
    ALLOW("allow"),
    /** Let the event through even below the logger's level threshold. */
    ACCEPT("accept");

    private final String keyword;

    AccessVerb(String keyword) {
        this.keyword = keyword;
    }

    String keyword() {
        return keyword;
    }

    /** The verb written {@code keyword}, or null. */
    static AccessVerb forKeyword(String keyword) {
        for (AccessVerb verb : values()) {
            if (verb.keyword.equals(keyword)) {
                return verb;
            }
        }
        return null;
    }
}
