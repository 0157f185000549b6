package dev.logshield.redact.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of reading a policy file: the policy (empty when the file could not be used at all), one
 * message per problem found, and the file's path when the location is a real file, so that the Logback
 * layer can watch it for changes and reload.
 */
public record LoadedPolicy(RedactionPolicy policy, List<String> problems, Optional<Path> file) {

    public LoadedPolicy {
        Objects.requireNonNull(policy, "policy");
        problems = problems == null ? List.of() : List.copyOf(problems);
        file = file == null ? Optional.empty() : file;
    }

    /** True when the file was read without any problem. */
    public boolean isClean() {
        return problems.isEmpty();
    }
}
