package dev.logshield.tls.receiver.frames;

import dev.logshield.tls.framing.relp.RelpFrame;
import dev.logshield.tls.framing.relp.RelpOffers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The RELP server's answers, as librelp's {@code imrelp} gives them:
 * <pre>
 * 1 rsp 65 200 OK\nrelp_version=0\nrelp_software=logshield,0.1\ncommands=syslog\n
 * 2 rsp 6 200 OK\n                       (a syslog command, accepted)
 * 3 rsp 0\n                              (close, acknowledged without data)
 * 0 serverclose 0\n                      (a hint: the server ends the session)
 * 4 rsp 25 500 command not supported\n   (an error: status 500 and a human-readable reason)
 * </pre>
 * {@link #answerOpen} checks the client's offers: the session is granted only when the client offers
 * {@code relp_version=0} and the {@code syslog} command, else it is refused with a 500 the client can log.
 * Immutable and thread-safe.
 */
public final class RelpServerResponses {

    /** The default {@code relp_software} offer: name and version, as the LogShield client offers. */
    public static final String DEFAULT_SOFTWARE = "logshield,0.1";

    private static final int MAX_REASON = 200;

    private final String software;

    /** With {@link #DEFAULT_SOFTWARE}. */
    public RelpServerResponses() {
        this(DEFAULT_SOFTWARE);
    }

    /**
     * @param software the {@code relp_software} offer: comma-separated name, version and optionally a URL, printable
     *                 ASCII without spaces
     */
    public RelpServerResponses(String software) {
        if (software == null || software.isEmpty() || !software.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("relp_software must be printable ASCII without spaces: '" + software
                    + "'");
        }
        this.software = software;
    }

    /** {@code TXNR rsp 6 200 OK}: the command (e.g. a {@code syslog} event) was accepted. */
    public RelpFrame ok(int txnr) {
        return rsp(txnr, "200 OK");
    }

    /** The answer granting a session: status 200 and the server's offers, {@code commands=syslog} only. */
    public RelpFrame openAccepted(int txnr) {
        return rsp(txnr, "200 OK\nrelp_version=" + RelpOffers.RELP_VERSION + "\nrelp_software=" + software
                + "\ncommands=syslog");
    }

    /**
     * The answer to the client's {@code open}: {@link #openAccepted} when it offers {@code relp_version=0} and the
     * {@code syslog} command, otherwise a 500 saying which offer is missing (the server then closes the session).
     */
    public RelpFrame answerOpen(RelpFrame open) {
        Map<String, List<String>> offers = RelpOffers.parse(open.dataAsString());
        List<String> version = offers.get("relp_version");
        if (version == null || !version.contains(Integer.toString(RelpOffers.RELP_VERSION))) {
            return error(open.txnr(), "relp_version " + RelpOffers.RELP_VERSION + " required, offered: "
                    + (version == null ? "none" : String.join(",", version)));
        }
        if (!offers.getOrDefault("commands", List.of()).contains("syslog")) {
            return error(open.txnr(), "required command syslog not offered by the client");
        }
        return openAccepted(open.txnr());
    }

    /**
     * {@code TXNR rsp N 500 reason}: the command failed. The reason is cut to 200 characters, with line breaks and
     * other control characters replaced by spaces (an LF would start the response data).
     */
    public RelpFrame error(int txnr, String reason) {
        String text = reason == null || reason.isEmpty() ? "error" : reason;
        StringBuilder sb = new StringBuilder("500 ");
        for (int i = 0; i < Math.min(text.length(), MAX_REASON); i++) {
            char c = text.charAt(i);
            sb.append(c < 32 || c == 127 ? ' ' : c);
        }
        return rsp(txnr, sb.toString());
    }

    /** {@code TXNR rsp 0}: librelp's acknowledgement of {@code close}, without data. */
    public RelpFrame closeAcknowledged(int txnr) {
        return new RelpFrame(checkTxnr(txnr), "rsp", new byte[0]);
    }

    /** {@code 0 serverclose 0}: the hint that the server is ending the session. */
    public RelpFrame serverClose() {
        return new RelpFrame(0, "serverclose", new byte[0]);
    }

    private static RelpFrame rsp(int txnr, String data) {
        return new RelpFrame(checkTxnr(txnr), "rsp", data.getBytes(StandardCharsets.UTF_8));
    }

    private static int checkTxnr(int txnr) {
        if (txnr < 1 || txnr > RelpFrame.MAX_TXNR) {
            throw new IllegalArgumentException("an rsp answers a command's txnr, 1.." + RelpFrame.MAX_TXNR + ", not "
                    + txnr);
        }
        return txnr;
    }
}
