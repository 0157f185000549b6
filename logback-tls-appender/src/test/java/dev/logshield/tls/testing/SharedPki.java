package dev.logshield.tls.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One {@link TestPki} for every appender test of a JVM: generating one takes seconds, and tests that only need
 * valid or deliberately broken client material need not pay that each. Written to a temporary directory removed
 * when the JVM exits. Tests that change PKI files must generate their own.
 */
public final class SharedPki {

    private SharedPki() {
    }

    /** The shared PKI, generated at the first call. */
    public static TestPki get() {
        return Holder.PKI;
    }

    private static final class Holder {
        static final TestPki PKI = generate();

        private static TestPki generate() {
            try {
                Path dir = Files.createTempDirectory("logshield-shared-pki");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                return TestPki.generate(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void delete(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }
}
