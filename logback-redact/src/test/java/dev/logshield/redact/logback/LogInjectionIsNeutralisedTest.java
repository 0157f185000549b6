package dev.logshield.redact.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** One event is one line: CR, LF, NEL, ANSI escapes and bidi controls in any field are made visible. */
class LogInjectionIsNeutralisedTest {

    @TempDir
    Path dir;
    private LogbackHarness logback;

    @BeforeEach
    void configure() {
        logback = LogbackHarness.configure("LogInjectionIsNeutralisedTest", dir);
    }

    @AfterEach
    void stop() {
        MDC.clear();
        logback.close();
    }

    @Test
    void forgedLinesInTheMessageStayOnOneLine() {
        logback.logger("x").info("user {} logged in", "bob\r\nINFO [admin] admin logged in");
        assertThat(logback.lines("out.log"))
                .containsExactly("INFO []  user bob\\r\\nINFO [admin] admin logged in logged in");
    }

    @Test
    void backslashIsEscapedFirstSoOutputIsUnambiguous() {
        logback.logger("x").info("path C:\\temp\\new and a real\nbreak");
        assertThat(logback.lines("out.log")).containsExactly("INFO []  path C:\\\\temp\\\\new and a real\\nbreak");
    }

    @Test
    void ansiBidiNelAndSeparatorsAreEscapedInEveryField() {
        MDC.put("user", "eve\u001b[31m\u202e");
        logback.logger("x").atInfo().setMessage("a\u0085b\u2028c\u2029d\u2066e\u0000f")
                .addKeyValue("k", "v\nforged=1").log();
        assertThat(logback.lines("out.log")).containsExactly(
                "INFO [eve\\u001b[31m\\u202e] k=\"v\\nforged=1\" a\\u0085b\\u2028c\\u2029d\\u2066e\\u0000f");
    }

    @Test
    void validSurrogatePairsPassAndLoneSurrogatesAreEscaped() {
        logback.logger("x").info("ok \uD83D\uDE00 lone \uD800 end");
        assertThat(logback.lines("out.log")).containsExactly("INFO []  ok \uD83D\uDE00 lone \\ud800 end");
    }

    @Test
    void exceptionMessagesAreNeutralisedButFramesKeepTheirLines() {
        logback.logger("x").error("failed", new IllegalStateException("bad\nat fake.Frame(Forged.java:1)"));
        String out = logback.written("out.log");
        assertThat(out).contains("java.lang.IllegalStateException: bad\\nat fake.Frame(Forged.java:1)\n\tat ");
        assertThat(out.lines().filter(l -> l.contains("Forged.java"))).hasSize(1);
    }

    @Test
    void neutralisationCanBeSwitchedOffPerEncoder() {
        logback.logger("x").info("two\nlines for jane.doe@example.com");
        assertThat(logback.written("raw.log")).isEqualTo("two\nlines for [REDACTED:email]\n");
    }
}
