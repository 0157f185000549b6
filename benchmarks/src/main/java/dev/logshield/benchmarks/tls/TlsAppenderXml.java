package dev.logshield.benchmarks.tls;

/**
 * The two appenders under test as a user would write them in logback.xml, made as alike as they can be: the same
 * {@code LogstashEncoder} body sent as JSON lines, the same client key and certificate and the same trust anchor
 * (PKCS#12 files), TLS 1.3 or 1.2 with host-name verification on, an 8192-event buffer (both defaults), and a
 * 64 KiB socket write buffer. What differs is only what each one calls these settings.
 */
final class TlsAppenderXml {

    static final String MTLS_CLASS = "dev.logshield.tls.MtlsAppender";
    static final String LOGSTASH_CLASS = "net.logstash.logback.appender.LogstashTcpSocketAppender";

    private TlsAppenderXml() {
    }

    /**
     * {@code MtlsAppender}: newline framing for JSON lines; its defaults otherwise (queue 8192, TLSv1.3+1.2, host-name
     * verification, 64 KiB buffered writes, drop-newest).
     *
     * @param blocking {@code block} for up to 60 s instead of dropping when the buffer is full
     */
    static String mtls(BenchPki pki, int port, boolean blocking) {
        return "<appender name='TLS' class='" + MTLS_CLASS + "'>"
                + "<destination>127.0.0.1:" + port + "</destination>"
                + "<keyStore>" + pki.clientKeyStore() + "</keyStore>"
                + "<keyStorePassword>" + pki.password() + "</keyStorePassword>"
                + "<trustStore>" + pki.trustStore() + "</trustStore>"
                + "<trustStorePassword>" + pki.password() + "</trustStorePassword>"
                + "<framing>newline</framing>"
                + "<queueSize>8192</queueSize>"
                + (blocking ? "<overflowPolicy>block</overflowPolicy><blockTimeout>60 seconds</blockTimeout>"
                        : "<overflowPolicy>drop-newest</overflowPolicy>")
                + "<encoder class='net.logstash.logback.encoder.LogstashEncoder'/>"
                + "</appender>";
    }

    /**
     * {@code LogstashTcpSocketAppender} with {@code <ssl>}. Logback's SSL defaults would make a "TLSv1.2" context
     * (TLS 1.2 only on JDK 17) and skip host-name verification, so the protocol is "TLS" and both TLS 1.3 and 1.2
     * are enabled, with host-name verification on. Its write buffer is raised from 8 KiB to MtlsAppender's 64 KiB;
     * the default console status listener, which would print a line per 1000 drops, is off (statuses are checked by
     * the benchmark). Ring buffer 8192 and drop when full are its defaults.
     *
     * @param blocking {@code appendTimeout} 60 s (wait for room, retrying) instead of 0 (drop)
     * @param waitStrategy {@code waitStrategyType}, e.g. {@code blocking} (the default)
     */
    static String logstash(BenchPki pki, int port, boolean blocking, String waitStrategy) {
        String keyStore = "<location>" + pki.clientKeyStore().toUri() + "</location><type>PKCS12</type>"
                + "<password>" + pki.password() + "</password>";
        String trustStore = "<location>" + pki.trustStore().toUri() + "</location><type>PKCS12</type>"
                + "<password>" + pki.password() + "</password>";
        return "<appender name='TLS' class='" + LOGSTASH_CLASS + "'>"
                + "<destination>127.0.0.1:" + port + "</destination>"
                + "<ringBufferSize>8192</ringBufferSize>"
                + "<writeBufferSize>65536</writeBufferSize>"
                + "<waitStrategyType>" + waitStrategy + "</waitStrategyType>"
                + (blocking ? "<appendTimeout>60 seconds</appendTimeout>" : "<appendTimeout>0</appendTimeout>")
                + "<addDefaultStatusListener>false</addDefaultStatusListener>"
                + "<ssl>"
                + "<protocol>TLS</protocol>"
                + "<keyStore>" + keyStore + "</keyStore>"
                + "<trustStore>" + trustStore + "</trustStore>"
                + "<parameters><includedProtocols>TLSv1.3,TLSv1.2</includedProtocols>"
                + "<hostnameVerification>true</hostnameVerification></parameters>"
                + "</ssl>"
                + "<encoder class='net.logstash.logback.encoder.LogstashEncoder'/>"
                + "</appender>";
    }
}
