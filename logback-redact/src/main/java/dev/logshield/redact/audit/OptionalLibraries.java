package dev.logshield.redact.audit;

/**
 * Which optional libraries the audit encoder can use, detected without loading any of their classes into
 * LogShield's own: Jackson 3 (required to write JSON) and logstash-logback-encoder 9 (to read {@code kv(...)}
 * arguments and {@code Markers.append(...)} markers, which it writes through Jackson 3).
 */
final class OptionalLibraries {

    static final boolean JACKSON3 = present("tools.jackson.core.JsonGenerator");
    static final boolean LOGSTASH_PRESENT = present("net.logstash.logback.argument.StructuredArgument");
    /** logstash-logback-encoder 9.x: its structured arguments write through Jackson 3, and databind is there. */
    static final boolean LOGSTASH9 = LOGSTASH_PRESENT && JACKSON3 && present("tools.jackson.databind.ObjectMapper")
            && writesJackson3();

    private OptionalLibraries() {
    }

    /** The reader of structured arguments and markers for what is on the classpath. */
    static ArgumentFields argumentFields() {
        return LOGSTASH9 ? new LogstashArgumentFields() : ArgumentFields.NONE;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, OptionalLibraries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** False for logstash-logback-encoder 8 and older, whose arguments write through Jackson 2. */
    private static boolean writesJackson3() {
        try {
            ClassLoader cl = OptionalLibraries.class.getClassLoader();
            Class.forName("net.logstash.logback.argument.StructuredArgument", false, cl)
                    .getMethod("writeTo", Class.forName("tools.jackson.core.JsonGenerator", false, cl));
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }
}
