package dev.logshield.leakmatrix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10's proof: no secret reaches any sink, whatever part of the event holds it. Every {@link Sink} (configured
 * from XML as users configure it) &times; every {@link EventPart} &times; every {@link SecretKind}: the secret, its
 * fragment and its long distinctive pieces appear nowhere in what the sink produced, and the benign marker logged
 * beside it does.
 *
 * <p>Each sink's context is built once and takes the whole matrix in one batch (see {@link SinkRun}); the cells are
 * then asserted on that output. Each cell has its own generated secret, so a failure names the cell that leaked and
 * shows the output lines that hold the secret.
 */
class SecretsReachNoSinkTest {

    @TempDir
    static Path dir;

    private static final Map<Sink, Object> OUTPUTS = new EnumMap<>(Sink.class);

    static Stream<Arguments> cells() {
        List<Arguments> all = new ArrayList<>();
        for (Sink sink : Sink.values()) {
            for (EventPart part : EventPart.values()) {
                for (SecretKind kind : SecretKind.values()) {
                    all.add(Arguments.of(sink, part, kind));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} | {1} | {2}")
    @MethodSource("cells")
    void secretReachesNoSink(Sink sink, EventPart part, SecretKind kind) {
        String output = output(sink);
        Cell cell = Matrix.get().cell(part, kind);
        for (String forbidden : cell.secret().forbidden()) {
            if (output.contains(forbidden)) {
                throw new CellFailed(sink + " wrote the " + kind + " secret logged in the " + part + " part ("
                        + forbidden + "):\n" + linesHolding(output, forbidden));
            }
        }
        if (!output.contains(cell.benign())) {
            throw new CellFailed(sink + " did not write the benign marker " + cell.benign() + " logged beside the "
                    + kind + " secret in the " + part + " part: it did not write that part at all, so this cell proves"
                    + " nothing");
        }
    }

    /** The sink's whole output, produced at the first cell that asks for it; a failed run fails each of its cells. */
    private static synchronized String output(Sink sink) {
        Object output = OUTPUTS.computeIfAbsent(sink, s -> {
            try {
                return SinkRun.run(s, dir.resolve(s.id), Matrix.get());
            } catch (RuntimeException | AssertionError e) {
                return e;
            }
        });
        if (output instanceof Throwable failure) {
            throw new AssertionError("running the matrix through " + sink + " failed", failure);
        }
        return (String) output;
    }

    /** A cell's verdict: its message says all there is (the sink, the cell, the output lines); no stack trace. */
    private static final class CellFailed extends AssertionError {
        private static final long serialVersionUID = 1L;

        CellFailed(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static String linesHolding(String output, String text) {
        StringBuilder lines = new StringBuilder();
        int shown = 0;
        for (String line : output.split("\n")) {
            if (line.contains(text) && shown++ < 5) {
                lines.append("  | ").append(line.length() > 400 ? line.substring(0, 400) + "..." : line).append('\n');
            }
        }
        return lines.toString();
    }
}
