package dev.logshield.tls.framing.relp;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Server bytes captured from rsyslog 8.2302 / librelp 1.11 ({@code imrelp} on loopback, Debian 12) answering a
 * client that sent the commands of {@link RelpCommandEncoder}, byte for byte.
 */
final class RelpWireSamples {

    /** The answer to {@code 1 open 58 relp_version=0\nrelp_software=logshield,0.1\ncommands=syslog\n}. */
    static final String OPEN_OK = "1 rsp 93 200 OK\nrelp_version=0\n"
            + "relp_software=librelp,1.11.0,http://librelp.adiscon.com\ncommands=syslog\n";
    /** The answers to two {@code syslog} commands sent in one write: both in one read. */
    static final String TWO_SYSLOG_OK = "2 rsp 6 200 OK\n3 rsp 6 200 OK\n";
    /** The answer to {@code 4 close 0\n}: an rsp without data, then the server's hint. */
    static final String CLOSE = "4 rsp 0\n0 serverclose 0\n";
    /** The answer to an {@code open} without {@code commands=syslog}. */
    static final String OPEN_REFUSED = "1 rsp 44 500 required command not supported by client\n0 serverclose 0\n";

    private RelpWireSamples() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
