/**
 * The client side of RELP, the Reliable Event Logging Protocol of rsyslog's {@code imrelp} (librelp), as protocol
 * only, without sockets: {@link dev.logshield.tls.framing.relp.RelpCommandEncoder} writes the {@code open},
 * {@code syslog} and {@code close} commands, {@link dev.logshield.tls.framing.relp.RelpResponseParser} reads the
 * server's {@code rsp} frames and hints as bytes arrive, {@link dev.logshield.tls.framing.relp.RelpOffers} checks
 * the session the server agreed to, and {@link dev.logshield.tls.framing.relp.RelpWindow} tracks which events are
 * still unacknowledged.
 *
 * <p>A session, as librelp runs it (verified against rsyslog 8.2302 / librelp 1.11):
 * <pre>
 * C: 1 open 58 relp_version=0\nrelp_software=logshield,0.1\ncommands=syslog\n
 * S: 1 rsp 93 200 OK\nrelp_version=0\nrelp_software=librelp,1.11.0,http://librelp.adiscon.com\ncommands=syslog\n
 * C: 2 syslog 20 &lt;14&gt;1 - h a - - - hi\n
 * S: 2 rsp 6 200 OK\n
 * C: 3 close 0\n
 * S: 3 rsp 0\n
 * S: 0 serverclose 0\n
 * </pre>
 * Frames are {@code TXNR SP COMMAND SP DATALEN [SP DATA] LF}; txnr runs from 1 to 999 999 999, then 1 again;
 * txnr 0 carries hints such as {@code serverclose}. Any protocol error ends the session: the client closes the
 * connection and resends every unacknowledged event on a new one.
 */
package dev.logshield.tls.framing.relp;
