package io.github.orysession.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README stays a page that fits a few screens, and CI runs the test command it gives. */
class ReadmeTest {

    private final Path root = ProjectFiles.root();

    @Test
    void theReadmeStaysShort() {
        int bytes = ProjectFiles.read(root.resolve("README.md")).getBytes(StandardCharsets.UTF_8).length;

        assertThat(bytes).as("README.md in bytes: move details to a page under docs/ and link to it")
                .isLessThanOrEqualTo(12 * 1024);
    }

    @Test
    void ciRunsTheReadmesTestCommand() {
        String readme = ProjectFiles.read(root.resolve("README.md"));
        String ci = ProjectFiles.read(root.resolve(".ci/run"));

        assertThat(readme).as("the README's test command").contains("| `mvn verify` |");
        assertThat(ci).as(".ci/run runs the README's test command (with CI logging options only)")
                .containsPattern("(?m)^mvn( --?[a-z-]+)* verify$");
    }
}
