package dev.logshield.tls.testing;

import dev.logshield.tls.testing.RsyslogForwarder.Options;
import dev.logshield.tls.testing.RsyslogForwarder.Transport;
import java.nio.file.Path;

/** Writes the rsyslog.conf of a {@link RsyslogForwarder}: a plain imptcp input and one forwarding action. */
final class RsyslogForwarderConfig {

    private RsyslogForwarderConfig() {
    }

    static String render(Options o, int inputPort, Path work, Path ca, Path cert, Path key) {
        StringBuilder conf = new StringBuilder();
        conf.append("global(workDirectory=\"").append(work).append("\" net.enableDNS=\"off\" maxMessageSize=\"64k\"")
                .append(" processInternalMessages=\"on\" parser.escapeControlCharactersOnReceive=\"off\")\n");
        conf.append("module(load=\"imptcp\")\n");
        if (o.transport == Transport.RELP_TLS) {
            conf.append("module(load=\"omrelp\" tls.tlslib=\"gnutls\")\n");
        }
        conf.append("input(type=\"imptcp\" port=\"").append(inputPort).append("\" address=\"127.0.0.1\"")
                .append(" ruleset=\"forward\" supportOctetCountedFraming=\"on\")\n");
        conf.append("ruleset(name=\"forward\") {\n  action(");
        if (o.transport == Transport.TCP_TLS) {
            conf.append("type=\"omfwd\" target=\"").append(o.host).append("\" port=\"").append(o.port)
                    .append("\" protocol=\"tcp\"\n    streamDriver=\"gtls\" streamDriverMode=\"1\"")
                    .append(" streamDriverAuthMode=\"").append(o.authMode.omfwd).append('"');
            if (o.authMode == RsyslogForwarder.AuthMode.NAME) {
                conf.append(" streamDriverPermittedPeers=\"").append(String.join(",", o.permittedPeers)).append('"');
            }
            conf.append("\n    streamDriver.CAFile=\"").append(ca).append("\" streamDriver.CertFile=\"").append(cert)
                    .append("\" streamDriver.KeyFile=\"").append(key).append('"')
                    .append("\n    gnutlsPriorityString=\"").append(o.gnutlsPriority).append('"')
                    .append(" TCP_Framing=\"").append(o.framing.value).append('"');
        } else {
            conf.append("type=\"omrelp\" target=\"").append(o.host).append("\" port=\"").append(o.port)
                    .append("\" tls=\"on\"\n    tls.authMode=\"").append(o.authMode.relp).append('"');
            if (o.authMode == RsyslogForwarder.AuthMode.NAME) {
                conf.append(" tls.permittedPeer=[").append(quoted(o)).append(']');
            }
            conf.append("\n    tls.caCert=\"").append(ca).append("\" tls.myCert=\"").append(cert)
                    .append("\" tls.myPrivKey=\"").append(key).append('"')
                    .append("\n    tls.priorityString=\"").append(o.gnutlsPriority).append('"');
        }
        conf.append(" template=\"").append(o.template.rsyslogName).append('"')
                .append("\n    queue.type=\"LinkedList\" action.resumeRetryCount=\"-1\"")
                .append(" action.resumeInterval=\"").append(o.resumeIntervalSeconds).append('"')
                .append(" action.resumeIntervalMax=\"").append(o.resumeIntervalSeconds).append("\")\n}\n");
        // the default ruleset only sees rsyslog's own messages: start, TLS errors, suspended actions
        conf.append("*.* action(type=\"omfile\" file=\"").append(work.resolve("internal.log")).append("\")\n");
        return conf.toString();
    }

    private static String quoted(Options o) {
        StringBuilder names = new StringBuilder();
        for (String name : o.permittedPeers) {
            names.append(names.length() == 0 ? "" : ",").append('"').append(name).append('"');
        }
        return names.toString();
    }
}
