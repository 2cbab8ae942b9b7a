package io.github.orysession.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The code samples of the Markdown pages that say where they come from are that code, word for word: a sample is a
 * fenced block right after {@code <!-- sample: path/to/SomeTest.java -->}, and it must be the lines of that file
 * between {@code // sample:start} and {@code // sample:end}. The file is a test the build compiles and runs, so a
 * sample that no longer works fails the build, and one edited on the page alone fails here.
 */
class DocumentationSamplesTest {

    private static final Pattern SAMPLE = Pattern.compile("<!-- sample: (\\S+) -->\\s*\\n```\\w*\\n(.*?)\\n```", Pattern.DOTALL);

    private final Path root = ProjectFiles.root();

    @Test
    void everySampleIsTheCodeItNames() {
        List<String> seen = new ArrayList<>();
        SoftAssertions.assertSoftly(softly -> {
            for (Path page : ProjectFiles.markdownPages(root)) {
                Matcher m = SAMPLE.matcher(ProjectFiles.read(page));
                while (m.find()) {
                    Path source = root.resolve(m.group(1));
                    String where = root.relativize(page) + " -> " + m.group(1);
                    seen.add(where);
                    softly.assertThat(source).as("the file of the sample %s", where).isRegularFile();
                    if (Files.isRegularFile(source)) {
                        softly.assertThat(m.group(2)).as("the sample %s, as the file has it between // sample:start and"
                                + " // sample:end", where).isEqualTo(region(ProjectFiles.read(source)));
                    }
                }
            }
        });
        assertThat(seen).as("samples found (is the scan looking at the right pages?)")
                .anyMatch(where -> where.startsWith("docs/testing.md"));
    }

    @Test
    void theRegionIsBetweenTheMarkers() {
        String source = """
                package x;
                // sample:start
                class A {
                    int a;
                }
                // sample:end
                """;

        assertThat(region(source)).isEqualTo("class A {\n    int a;\n}");
    }

    /** The lines between the markers, without them. */
    static String region(String source) {
        List<String> lines = source.lines().toList();
        int start = lines.indexOf("// sample:start");
        int end = lines.indexOf("// sample:end");
        if (start < 0 || end < start) {
            return "(no // sample:start ... // sample:end region)";
        }
        return String.join("\n", lines.subList(start + 1, end));
    }
}
