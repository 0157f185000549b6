package dev.logshield.logstash;

import java.util.List;

/** The secrets the tests log, each of a kind the built-in detectors know, and what they become. */
final class Secrets {

    /** Under a sensitive name ({@code password}), masked whole. */
    static final String PASSWORD = "hunter2";
    static final String EMAIL = "jane.doe@example.com";
    /** Visa test card number (Luhn-valid). */
    static final String CARD = "4111111111111111";
    static final List<String> ALL = List.of(PASSWORD, EMAIL, CARD);

    /** What a value under a sensitive name becomes. */
    static final String SECRET_MASK = "[REDACTED:secret]";
    static final String EMAIL_MASK = "[REDACTED:email]";
    static final String CARD_MASK = "[REDACTED:credit-card]";
    /** What any redaction leaves: the start of every mask. */
    static final String MASK = "[REDACTED:";
    /** What a value becomes when its redaction failed: no secret, but no data either, so never a pass here. */
    static final String FAILED = "[REDACTED:redaction-failed]";

    private Secrets() {
    }
}
