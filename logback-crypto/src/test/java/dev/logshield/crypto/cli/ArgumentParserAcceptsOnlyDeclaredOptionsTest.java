package dev.logshield.crypto.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written parser reads values, repeats, aliases, {@code --name=value} and {@code --}, and refuses the rest. */
class ArgumentParserAcceptsOnlyDeclaredOptionsTest {

    private final ArgumentParser parser = new ArgumentParser("demo")
            .value("--identity", "-i", "FILE", true, "identity")
            .value("--alias", null, "NAME", false, "alias")
            .flag("--force", "force")
            .refuse("--password", "no passwords here");

    @Test
    void readsValuesRepeatsAliasesInlineValuesAndPositionals() throws Exception {
        ParsedArguments parsed = parser.parse(List.of("-i", "a.key", "x.lse", "--identity=b.key", "--force",
                "--alias", "ops", "--", "--not-an-option"));

        assertThat(parsed.values("--identity")).containsExactly("a.key", "b.key");
        assertThat(parsed.value("--alias")).isEqualTo("ops");
        assertThat(parsed.has("--force")).isTrue();
        assertThat(parsed.positionals()).containsExactly("x.lse", "--not-an-option");
        assertThat(parsed.helpRequested()).isFalse();
    }

    @Test
    void refusesRepeatsOfSingleOptionsValuesOnFlagsAndRefusedOptions() {
        assertThatThrownBy(() -> parser.parse(List.of("--alias", "a", "--alias", "b")))
                .hasMessage("--alias given more than once");
        assertThatThrownBy(() -> parser.parse(List.of("--force=yes"))).hasMessage("--force takes no value");
        assertThatThrownBy(() -> parser.parse(List.of("--password=x"))).hasMessage("no passwords here");
        assertThatThrownBy(() -> parser.parse(List.of("--password", "x"))).hasMessage("no passwords here");
    }

    @Test
    void helpIsRecognisedAnywhere() throws Exception {
        assertThat(parser.parse(List.of("x.lse", "-h")).helpRequested()).isTrue();
        assertThat(parser.parse(List.of("--help")).helpRequested()).isTrue();
    }
}
