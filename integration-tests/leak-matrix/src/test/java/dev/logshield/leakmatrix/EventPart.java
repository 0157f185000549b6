package dev.logshield.leakmatrix;

import static net.logstash.logback.argument.StructuredArguments.kv;

import java.io.IOException;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Where in a logging event a secret sits, and how an application puts it there. Each part logs one event per cell
 * with the cell's secret and its benign marker beside it, in the same part, so that a sink that does not write the
 * part at all shows no marker rather than passing for one that redacted it. Parts whose data some sinks never write
 * (structured arguments not named in the message, logstash markers) also put the marker in the message.
 */
enum EventPart {

    /** The secret concatenated into the message text. */
    MESSAGE("msg") {
        @Override
        void log(Logger log, Cell c) {
            log.info(c.benign() + " paid with " + c.secret().text());
        }
    },
    /** {@code log.info("login for {}", secret)}. */
    ARGUMENT("arg") {
        @Override
        void log(Logger log, Cell c) {
            log.info("login for {} by {}", c.secret().text(), c.benign());
        }
    },
    /**
     * An argument harmless alone that completes a secret written around its placeholder:
     * {@code log.info("card 4111{}", "111111111111")}, {@code log.info("connect postgresql://app:{}@db/orders", pw)}.
     */
    ARGUMENT_IN_CONTEXT("arg-ctx") {
        @Override
        void log(Logger log, Cell c) {
            SecretKind.Secret s = c.secret();
            log.info(c.kind().lead + s.prefix() + "{}" + s.suffix() + " by {}", s.fragment(), c.benign());
        }
    },
    /** {@code log.info("password={}", "hunter2")}: an argument harmless alone, secret after its key. */
    ARGUMENT_AFTER_SENSITIVE_KEY("arg-pwkey") {
        @Override
        void log(Logger log, Cell c) {
            log.info("password={} by {}", c.secret().fragment(), c.benign());
        }
    },
    /** A structured argument under a sensitive name, named in the message: {@code "checkout {}", kv("password", s)}. */
    STRUCTURED_ARGUMENT_SENSITIVE_KEY("sarg-key") {
        @Override
        void log(Logger log, Cell c) {
            log.info("checkout {} {}", kv("password", c.secret().text()), kv("note", c.benign()));
        }
    },
    /** A structured argument whose value holds the secret, named in the message. */
    STRUCTURED_ARGUMENT_VALUE("sarg-val") {
        @Override
        void log(Logger log, Cell c) {
            log.info("checkout {}", kv("note", c.benign() + " text with " + c.secret().text()));
        }
    },
    /**
     * A structured argument under a sensitive name that no placeholder names: only structured sinks (JSON fields,
     * OpenTelemetry attributes and parameters) write it.
     */
    STRUCTURED_FIELD_SENSITIVE_KEY("sfield-key") {
        @Override
        void log(Logger log, Cell c) {
            log.info(c.benign() + " checkout", kv("password", c.secret().text()), kv("note", c.benign()));
        }
    },
    /** A structured argument whose value holds the secret, that no placeholder names. */
    STRUCTURED_FIELD_VALUE("sfield-val") {
        @Override
        void log(Logger log, Cell c) {
            log.info(c.benign() + " checkout", kv("note", c.benign() + " text with " + c.secret().text()));
        }
    },
    /** A logstash-logback-encoder marker whose value holds the secret: {@code Markers.append("note", ...)}. */
    LOGSTASH_MARKER("marker") {
        @Override
        void log(Logger log, Cell c) {
            log.info(Markers.append("note", c.benign() + " text with " + c.secret().text()), c.benign() + " checkout");
        }
    },
    /** {@code MDC.put("note", "... " + secret)}. */
    MDC_VALUE("mdc-val") {
        @Override
        void log(Logger log, Cell c) {
            MDC.put("note", c.benign() + " text with " + c.secret().text());
            try {
                log.info("checkout");
            } finally {
                MDC.clear();
            }
        }
    },
    /** {@code MDC.put("password", "hunter2")}: a value harmless alone under a sensitive key. */
    MDC_SENSITIVE_KEY("mdc-key") {
        @Override
        void log(Logger log, Cell c) {
            MDC.put("password", c.secret().fragment());
            MDC.put("note", c.benign());
            try {
                log.info("checkout");
            } finally {
                MDC.clear();
            }
        }
    },
    /** SLF4J 2's fluent key-value pair: {@code log.atInfo().addKeyValue("note", "... " + secret)}. */
    KEY_VALUE("kv-val") {
        @Override
        void log(Logger log, Cell c) {
            log.atInfo().addKeyValue("note", c.benign() + " text with " + c.secret().text()).log("checkout");
        }
    },
    /** A fluent key-value pair under a sensitive key, its value harmless alone. */
    KEY_VALUE_SENSITIVE_KEY("kv-key") {
        @Override
        void log(Logger log, Cell c) {
            log.atInfo().addKeyValue("password", c.secret().fragment()).addKeyValue("note", c.benign()).log("checkout");
        }
    },
    /** The logged exception's own message. */
    THROWABLE_MESSAGE("ex") {
        @Override
        void log(Logger log, Cell c) {
            log.warn("checkout failed", new IllegalStateException(c.benign() + " failed with " + c.secret().text()));
        }
    },
    /** The message of the logged exception's cause. */
    CAUSE_MESSAGE("cause") {
        @Override
        void log(Logger log, Cell c) {
            log.warn("checkout failed", new IllegalStateException("checkout failed",
                    new IOException(c.benign() + " failed with " + c.secret().text())));
        }
    },
    /** The message of an exception suppressed by the logged one. */
    SUPPRESSED_MESSAGE("suppressed") {
        @Override
        void log(Logger log, Cell c) {
            IllegalStateException failure = new IllegalStateException("checkout failed");
            failure.addSuppressed(new IOException(c.benign() + " close failed with " + c.secret().text()));
            log.warn("checkout failed", failure);
        }
    },
    /** The message of the cause of the cause of the logged exception's cause. */
    CAUSE_THREE_DEEP("cause3") {
        @Override
        void log(Logger log, Cell c) {
            log.warn("checkout failed", new IllegalStateException("checkout failed",
                    new RuntimeException("payment failed", new RuntimeException("gateway failed",
                            new IOException(c.benign() + " failed with " + c.secret().text())))));
        }
    };

    /** Short name used in benign markers; it holds no word a detector or the sensitive-key matcher reacts to. */
    final String id;

    EventPart(String id) {
        this.id = id;
    }

    /** Logs this part's event for {@code cell}, leaving the MDC as it found it (empty). */
    abstract void log(Logger log, Cell cell);

    @Override
    public String toString() {
        return id;
    }
}
