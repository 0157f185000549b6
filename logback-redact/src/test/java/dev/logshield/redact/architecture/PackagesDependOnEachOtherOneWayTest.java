package dev.logshield.redact.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's packages depend on each other one way only, as the JDK's {@code jdeps} reads them from the compiled
 * classes: the redaction engine depends on no other LogShield package (detectors plug into it, not the reverse), the
 * detectors only on the engine, and no package reaches itself again through others.
 */
class PackagesDependOnEachOtherOneWayTest {

    private static final String ROOT = "dev.logshield.redact.";
    private static final Pattern EDGE = Pattern.compile("^\\s*(\\S+)\\s+->\\s+(\\S+)\\s");
    private static Map<String, Set<String>> dependencies;

    @BeforeAll
    static void readTheCompiledClasses() {
        Path classes = Path.of("target", "classes");
        assertThat(Files.isDirectory(classes)).as("compiled classes at " + classes.toAbsolutePath()).isTrue();
        dependencies = packageDependencies(classes);
        assertThat(dependencies).as("jdeps found the module's packages").containsKeys(ROOT + "engine", ROOT + "detect");
    }

    /** {@code jdeps -verbose:package} on {@code classes}: each of this module's packages and those it uses of it. */
    static Map<String, Set<String>> packageDependencies(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", classes.toString());
        assertThat(status).as("jdeps: " + out).isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && m.group(1).startsWith(ROOT)) {
                Set<String> uses = graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                if (m.group(2).startsWith(ROOT) && !m.group(2).equals(m.group(1))) {
                    uses.add(m.group(2));
                }
            }
        }
        return graph;
    }

    @Test
    void theEngineDependsOnNoOtherPackage() {
        assertThat(dependencies.get(ROOT + "engine")).isEmpty();
    }

    @Test
    void detectorsDependOnTheEngineOnly() {
        assertThat(dependencies.get(ROOT + "detect")).containsOnly(ROOT + "engine");
        assertThat(dependencies.get(ROOT + "policy")).doesNotContain(ROOT + "detect");
    }

    @Test
    void noPackageReachesItselfAgain() {
        List<String> cycles = new ArrayList<>();
        for (String start : dependencies.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.push(List.of(start));
            Set<String> seen = new TreeSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : dependencies.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    if (next.equals(start)) {
                        List<String> cycle = new ArrayList<>(path);
                        cycle.add(start);
                        cycles.add(String.join(" -> ", cycle));
                    } else if (seen.add(next)) {
                        List<String> longer = new ArrayList<>(path);
                        longer.add(next);
                        paths.push(longer);
                    }
                }
            }
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }
}
