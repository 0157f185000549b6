package dev.logshield.redact.json;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Finds keys that appear twice in one JSON object. Tree parsers cannot: they silently keep the last value, which
 * is exactly how a forged duplicate {@code "level"} wins.
 */
final class DuplicateKeys {

    private static final JsonFactory FACTORY = new JsonFactory();

    private DuplicateKeys() {
    }

    /** Every duplicated key in {@code json}, as {@code depth:name}. */
    static List<String> in(String json) {
        List<String> dups = new ArrayList<>();
        Deque<Set<String>> objects = new ArrayDeque<>();
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT -> objects.push(new HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case PROPERTY_NAME -> {
                        if (!objects.peek().add(p.currentName())) {
                            dups.add(objects.size() + ":" + p.currentName());
                        }
                    }
                    default -> { }
                }
            }
        }
        return dups;
    }
}
