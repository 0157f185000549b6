package dev.logshield.tls.receiver.cli;

import dev.logshield.redact.logback.RedactingPatternLayoutEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of {@code serve}: either {@code --config receiver.xml}, or flags for the common case, which become a
 * logback configuration with one receiver and one output (the console, a plain file, or an encrypted file when a
 * {@code --recipient} is given). The generated configuration is validated by the same component code as a written
 * one, so both report the same errors. Every output writes through LogShield's redacting, neutralising encoder
 * ({@code RedactingPatternLayoutEncoder}, with the {@code --pattern}), so a client can neither put secrets in it nor
 * forge a line of it.
 */
record ServeFlags(Path configFile, Map<String, List<String>> receiverSettings, String output, List<String> recipients,
                  String pattern) {

    static final String ENCODER = RedactingPatternLayoutEncoder.class.getName();
    static final String DEFAULT_PATTERN = "%d{ISO8601} %-5level [%mdc{client.name}] %logger - %msg%n";

    static final String USAGE = """
            usage: java -jar logshield-receiver.jar serve --config receiver.xml
                   java -jar logshield-receiver.jar serve --port 6514 --certificate server.pem --private-key server.key
                        --trusted-certificates clients-ca.pem --allow-name web-1.example.internal [options]

            --config FILE               a logback.xml with appenders and a <contextListener
                                        class="dev.logshield.tls.receiver.MtlsReceiver"> (see README); excludes the
                                        flags below
            --address ADDRESS           listen address (default 0.0.0.0)
            --port PORT                 listen port (required with flags)
            --certificate FILE          the receiver's certificate chain (PEM)
            --private-key FILE          its private key (PEM)
            --trusted-certificates FILE the CA(s) that issue client certificates (PEM)
            --revocation-list FILE      CRLs (PEM or DER) of those CAs, root and intermediates (repeatable): a
                                        client chain with a listed certificate, or with a CA that has no current
                                        CRL here, is refused
            --revocation-soft-fail      accept client chains with a CA that has no current CRL (not recommended)
            --allow-name NAME           authorise clients by CN or SAN DNS name (repeatable; *.example.org allowed)
            --allow-subject DN          authorise clients by whole subject DN (repeatable)
            --allow-spki PIN            authorise clients by public key pin sha256/BASE64 (repeatable)
            --allow-any-client          authorise every client certificate the CA issued
            --framing NAME              auto (default) | octet-counting | newline | relp
            --format NAME               auto (default) | syslog | json
            --output console|FILE       where received events go (default console)
            --recipient AGE_KEY         encrypt --output FILE for this recipient (repeatable; needs logback-crypto,
                                        which this jar contains)
            --pattern PATTERN           the line layout (default %d{ISO8601} %-5level [%mdc{client.name}] %logger - %msg%n)

            Received events are redacted before any output writes them (LogShield's built-in detectors); with
            --config, the receiver's <redaction> element changes what is redacted (see README). The output's
            encoder (RedactingPatternLayoutEncoder) also escapes line breaks, ANSI and bidi controls in what
            clients send, so one event is one line and no client can forge a line in another's name.
            """;

    private static final Map<String, String> RECEIVER_FLAGS = Map.ofEntries(
            Map.entry("--address", "address"), Map.entry("--port", "port"), Map.entry("--certificate", "certificate"),
            Map.entry("--private-key", "privateKey"), Map.entry("--trusted-certificates", "trustedCertificates"),
            Map.entry("--allow-name", "allowedName"), Map.entry("--allow-subject", "allowedSubject"),
            Map.entry("--allow-spki", "allowedSpki"), Map.entry("--framing", "framing"),
            Map.entry("--format", "format"), Map.entry("--revocation-list", "revocationList"));

    /** Parses the arguments after {@code serve}; an {@link IllegalArgumentException} says what is wrong. */
    static ServeFlags parse(List<String> args) {
        Path config = null;
        Map<String, List<String>> settings = new LinkedHashMap<>();
        String output = "console";
        List<String> recipients = new ArrayList<>();
        String pattern = DEFAULT_PATTERN;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--allow-any-client")) {
                settings.computeIfAbsent("allowAnyClient", k -> new ArrayList<>()).add("true");
                continue;
            }
            if (flag.equals("--revocation-soft-fail")) {
                settings.computeIfAbsent("revocationSoftFail", k -> new ArrayList<>()).add("true");
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args.get(++i);
            switch (flag) {
                case "--config" -> config = Path.of(value);
                case "--output" -> output = value;
                case "--recipient" -> recipients.add(value);
                case "--pattern" -> pattern = value;
                default -> {
                    String element = RECEIVER_FLAGS.get(flag);
                    if (element == null) {
                        throw new IllegalArgumentException("unknown option " + flag);
                    }
                    settings.computeIfAbsent(element, k -> new ArrayList<>()).add(value);
                }
            }
        }
        if (config != null && (!settings.isEmpty() || !recipients.isEmpty())) {
            throw new IllegalArgumentException("--config excludes the other options: put them in the file");
        }
        if (config == null && !settings.containsKey("port")) {
            throw new IllegalArgumentException("give --config FILE, or at least --port");
        }
        if (!recipients.isEmpty() && output.equals("console")) {
            throw new IllegalArgumentException("--recipient encrypts a file: give --output FILE");
        }
        return new ServeFlags(config, settings, output, List.copyOf(recipients), pattern);
    }

    /** The logback configuration these flags stand for. */
    String toXml() {
        StringBuilder xml = new StringBuilder("<configuration>\n");
        if (output.equals("console")) {
            xml.append("  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">\n");
            encoder(xml);
        } else if (recipients.isEmpty()) {
            xml.append("  <appender name=\"OUT\" class=\"ch.qos.logback.core.FileAppender\">\n")
                    .append("    <file>").append(escape(output)).append("</file>\n");
            encoder(xml);
        } else {
            xml.append("  <appender name=\"OUT\" class=\"dev.logshield.crypto.EncryptedFileAppender\">\n")
                    .append("    <file>").append(escape(output)).append("</file>\n");
            for (String recipient : recipients) {
                xml.append("    <recipient>").append(escape(recipient)).append("</recipient>\n");
            }
            xml.append("    <rollingPolicy class=\"ch.qos.logback.core.rolling.TimeBasedRollingPolicy\">\n")
                    .append("      <fileNamePattern>").append(escape(output)).append(".%d{yyyy-MM-dd}</fileNamePattern>\n")
                    .append("    </rollingPolicy>\n");
            encoder(xml);
        }
        xml.append("  </appender>\n  <root level=\"TRACE\"><appender-ref ref=\"OUT\"/></root>\n")
                .append("  <contextListener class=\"dev.logshield.tls.receiver.MtlsReceiver\">\n");
        receiverSettings.forEach((element, values) -> values.forEach(value -> xml.append("    <").append(element)
                .append('>').append(escape(value)).append("</").append(element).append(">\n")));
        return xml.append("  </contextListener>\n</configuration>\n").toString();
    }

    /** Redacting and neutralising: a client's line breaks and terminal escapes are written visibly escaped. */
    private void encoder(StringBuilder xml) {
        xml.append("    <encoder class=\"").append(ENCODER).append("\"><pattern>").append(escape(pattern))
                .append("</pattern></encoder>\n");
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
