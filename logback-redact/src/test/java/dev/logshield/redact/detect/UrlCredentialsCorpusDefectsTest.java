package dev.logshield.redact.detect;

import java.util.stream.Stream;

/**
 * URL credentials a held-out corpus showed missed or mangled: a raw {@code #} in the password ended the authority,
 * so nothing was masked; and a password starting with a character a local part does not start with
 * ({@code svc:!6Rja...@rabbit.local}) was also taken by the e-mail detector, whose span swallowed the host. Only the
 * password is masked, as for every URL: {@code amqp://svc:[REDACTED:url-credentials]@rabbit.local:5672/vhost}.
 */
class UrlCredentialsCorpusDefectsTest extends DetectorCorpusTest {

    private static final UrlCredentialsDetector DETECTOR = new UrlCredentialsDetector();
    private static final String M = "[REDACTED:url-credentials]";

    static Stream<Missed> missedLines() {
        return Stream.of(
                missed(DETECTOR, "amqp://svc:rdFP7#8#HcTv@rabbit.local:5672/vhost", "amqp://svc:" + M + "@rabbit.local:5672/vhost",
                        "rdFP7#8#HcTv"),
                missed(DETECTOR, "amqp://svc:!6RjaQjkVmia@rabbit.local:5672/vhost", "amqp://svc:" + M + "@rabbit.local:5672/vhost",
                        "6RjaQjkVmia"),
                missed(DETECTOR, "redis://:p#ss#w0rd@cache.internal:6379/0", "redis://:" + M + "@cache.internal:6379/0", "p#ss#w0rd"),
                missed(DETECTOR, "broker=amqps://app:(Xy7#q)@mq.example.com", "broker=amqps://app:" + M + "@mq.example.com", "Xy7#q"),
                missed(DETECTOR, "db postgres://app:#start@db.example.com/orders ok", "db postgres://app:" + M + "@db.example.com/orders ok",
                        "#start"),
                missed(DETECTOR, "mongodb://u:a#b@c#d@h1.example.com:27017/db", "mongodb://u:" + M + "@h1.example.com:27017/db", "a#b@c#d"));
    }

    static Stream<LookAlike> lookAlikes() {
        return cleanLinesAnd(DETECTOR,
                "https://example.com/docs#section-2",
                "https://example.com#top",
                "https://example.com:8443#frag",
                "http://localhost:8080/#/login",
                "https://example.com/#/users/@me",
                "https://host:8080#a b@c",
                "ws://a:b#c");
    }
}
