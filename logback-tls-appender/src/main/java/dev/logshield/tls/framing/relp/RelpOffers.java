package dev.logshield.tls.framing.relp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RELP session offers: what the client's {@code open} offers and what the server's answer must grant. Offers are
 * LF-separated {@code name[=value{,value}]} lines, e.g.
 * {@code relp_version=0\nrelp_software=librelp,1.11.0,http://librelp.adiscon.com\ncommands=syslog}.
 */
public final class RelpOffers {

    /** The protocol version librelp speaks and this client offers (the spec's "version 1" was never used). */
    public static final int RELP_VERSION = 0;

    private RelpOffers() {
    }

    /** The client's offers: {@code relp_version=0}, {@code relp_software=<software>}, {@code commands=syslog}. */
    static String clientOffers(String software) {
        return "relp_version=" + RELP_VERSION + "\nrelp_software=" + software + "\ncommands=syslog";
    }

    /** The offers of {@code text} by name, in order, each with its values (empty when it has none). */
    public static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> offers = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? line : line.substring(0, eq);
            List<String> values = new ArrayList<>();
            if (eq >= 0) {
                for (String v : line.substring(eq + 1).split(",")) {
                    if (!v.isEmpty()) {
                        values.add(v);
                    }
                }
            }
            offers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
        }
        return offers;
    }

    /**
     * Checks the server's answer to {@code open}: status 200, a {@code relp_version} of 0 (the spec makes a session
     * without one invalid) and {@code syslog} among its {@code commands} (a command the server does not grant must
     * not be used).
     *
     * @throws RelpProtocolException saying which condition failed; the client must close the connection
     */
    public static void requireSyslogSession(RelpResponse openResponse) throws RelpProtocolException {
        if (!openResponse.isOk()) {
            throw new RelpProtocolException("the RELP server refused the session: "
                    + (openResponse.hasStatus() ? openResponse.code() + " " + openResponse.message() : "no status"));
        }
        Map<String, List<String>> offers = parse(openResponse.data());
        List<String> version = offers.get("relp_version");
        if (version == null || version.size() != 1) {
            throw new RelpProtocolException("the RELP server's answer to open has no single relp_version offer: "
                    + offers);
        }
        if (!version.get(0).equals(Integer.toString(RELP_VERSION))) {
            throw new RelpProtocolException("the RELP server answered relp_version=" + version.get(0)
                    + "; this client speaks only version " + RELP_VERSION);
        }
        List<String> commands = offers.getOrDefault("commands", List.of());
        if (!commands.contains("syslog")) {
            throw new RelpProtocolException("the RELP server does not grant the syslog command (commands="
                    + String.join(",", commands) + "); check that the listener is an imrelp input");
        }
    }
}
