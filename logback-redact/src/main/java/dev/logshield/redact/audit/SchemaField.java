package dev.logshield.redact.audit;

/**
 * The named fields of an audit record that callers supply as key-value pairs, and the spellings accepted for
 * them: case-insensitive, with or without {@code _}/{@code -} ({@code project_id}, {@code projectId},
 * {@code project-id}, {@code PROJECT_ID}).
 */
enum SchemaField {
    ACTION("action"),
    ACTOR("actor"),
    PROJECT_ID("project_id"),
    REQUEST_ID("request_id"),
    CLIENT_IP("client_ip"),
    RESULT("result");

    private static final SchemaField[] ALL = values();

    /** The name written in the record. */
    final String jsonName;
    private final String folded;

    SchemaField(String jsonName) {
        this.jsonName = jsonName;
        this.folded = fold(jsonName);
    }

    /** The field {@code key} names, or null when it names none (it then goes into {@code details}). */
    static SchemaField of(String key) {
        if (key == null || key.length() > 32) {
            return null;
        }
        String f = fold(key);
        for (SchemaField field : ALL) {
            if (field.folded.equals(f)) {
                return field;
            }
        }
        return null;
    }

    /** Lower-case ASCII with {@code _} and {@code -} removed; other characters kept, so they never match. */
    static String fold(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '_' || c == '-') {
                continue;
            }
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }
}
