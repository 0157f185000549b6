package dev.logshield.springboot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what is written to {@code System.out} until closed. Logback's {@code ConsoleAppender} writes to whatever
 * {@code System.out} is at each write, so a console appender's output lands here.
 */
final class ConsoleCapture implements AutoCloseable {

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    ConsoleCapture() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    /** What was written so far (the console charset of these tests is UTF-8). */
    String text() {
        System.out.flush();
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
