package dev.logshield.tls.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.logshield.tls.testing.TestIdentity;
import dev.logshield.tls.testing.TestPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Authenticated attackers in a JVM of their own, so that the heap measured in the test's JVM is the receiver's, not
 * also the attackers' TLS sockets. Driven line by line: {@link #connect} opens TLS connections (attacker {@code i}
 * as identity {@code i % identities} from 127.2.0.{@code 1 + i % 16}), {@link #sendPartialFrames} makes each
 * connection's receiver hold a frame of the largest size, {@link #close} hangs up on all and ends the JVM.
 */
final class PartialFrameAttackers implements AutoCloseable {

    private static final int ADDRESSES = 16;
    private static final int PARALLEL_HANDSHAKES = 8;

    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;

    private PartialFrameAttackers(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        this.in = new PrintStream(process.getOutputStream(), true, UTF_8);
    }

    /** Starts the attackers' JVM, ready to attack the receiver on 127.0.0.1:{@code port} as {@code identities}. */
    static PartialFrameAttackers start(TestPki pki, List<TestIdentity> identities, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PartialFrameAttackers.class.getName(), Integer.toString(port), pki.caCert().toString()));
        for (TestIdentity identity : identities) {
            command.add(identity.chain().toString());
            command.add(identity.key().toString());
        }
        return new PartialFrameAttackers(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** Tries {@code count} more connections; returns how many completed the handshake (the others were refused). */
    int connect(int count) throws IOException {
        return Integer.parseInt(ask("CONNECT " + count));
    }

    /**
     * Sends on every connection a frame the receiver must hold at its largest: an octet-counted one announcing
     * {@code maxFrameSize} with all but its last byte, or (every other connection) a line of {@code maxFrameSize}
     * + 1 bytes without its newline.
     *
     * @return the bytes sent
     */
    long sendPartialFrames(int maxFrameSize) throws IOException {
        return Long.parseLong(ask("SEND " + maxFrameSize));
    }

    private String ask(String command) throws IOException {
        in.println(command);
        String answer = out.readLine();
        if (answer == null) {
            throw new IOException("the attackers' JVM ended without answering " + command);
        }
        return answer;
    }

    /** Closes every connection and waits for the JVM to end. */
    @Override
    public void close() throws IOException {
        try {
            in.println("CLOSE");
            out.readLine();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The attackers' JVM: {@code <port> <ca.pem> (<chain.pem> <key.pem>)...}; commands on stdin, answers on stdout. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path ca = Path.of(args[1]);
        int identities = (args.length - 2) / 2;
        List<RawTlsClient> clients = new ArrayList<>();
        int attempted = 0;
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_HANDSHAKES);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, UTF_8));
        for (String line = commands.readLine(); line != null && !line.equals("CLOSE"); line = commands.readLine()) {
            String[] words = line.split(" ");
            if (words[0].equals("CONNECT")) {
                List<Future<RawTlsClient>> connecting = new ArrayList<>();
                for (int n = Integer.parseInt(words[1]); n > 0; n--, attempted++) {
                    int i = attempted;
                    int identity = 2 + 2 * (i % identities);
                    connecting.add(pool.submit(() -> RawTlsClient.connect(ca, Path.of(args[identity]),
                            Path.of(args[identity + 1]), port, HostileClients.loopback(2, 0, 1 + i % ADDRESSES))));
                }
                int connected = 0;
                for (Future<RawTlsClient> client : connecting) {
                    try {
                        clients.add(client.get());
                        connected++;
                    } catch (java.util.concurrent.ExecutionException refused) {
                        // refused at accept: the handshake failed
                    }
                }
                System.out.println(connected);
            } else if (words[0].equals("SEND")) {
                int maxFrameSize = Integer.parseInt(words[1]);
                List<Future<Integer>> sending = new ArrayList<>();
                for (int i = 0; i < clients.size(); i++) {
                    RawTlsClient client = clients.get(i);
                    byte[] frame = partialFrame(maxFrameSize, i % 2 == 0);
                    sending.add(pool.submit(() -> {
                        client.write(frame);
                        return frame.length;
                    }));
                }
                long sent = 0;
                for (Future<Integer> n : sending) {
                    sent += n.get();
                }
                System.out.println(sent);
            }
        }
        for (RawTlsClient client : clients) {
            client.close();
        }
        System.out.println("CLOSED");
        System.exit(0);
    }

    private static byte[] partialFrame(int maxFrameSize, boolean octetCounted) {
        byte[] frame;
        if (octetCounted) {
            byte[] prefix = (maxFrameSize + " ").getBytes(StandardCharsets.US_ASCII);
            frame = new byte[prefix.length + maxFrameSize - 1];
            Arrays.fill(frame, (byte) 'x');
            System.arraycopy(prefix, 0, frame, 0, prefix.length);
        } else {
            frame = new byte[maxFrameSize + 1];
            Arrays.fill(frame, (byte) 'x');
            frame[0] = '<';
        }
        return frame;
    }
}
