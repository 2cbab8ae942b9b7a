package io.github.orysession.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every fully qualified name under {@code io.github.orysession} that the Markdown pages mention is a package or a
 * class of the project, so that moving or renaming a class cannot leave the documentation pointing at nothing.
 */
class DocumentationClassNamesTest {

    private static final Pattern QUALIFIED = Pattern.compile("io\\.github\\.orysession(?:\\.[A-Za-z_]\\w*)*");

    private final Path root = ProjectFiles.root();

    @Test
    void everyQualifiedNameInTheDocumentationExists() {
        List<Path> sourceRoots = sourceRoots();
        List<String> missing = new ArrayList<>();
        for (Path page : ProjectFiles.markdownPages(root)) {
            Matcher m = QUALIFIED.matcher(ProjectFiles.read(page));
            while (m.find()) {
                if (!exists(sourceRoots, m.group())) {
                    missing.add(root.relativize(page) + ": " + m.group());
                }
            }
        }
        assertThat(missing).as("names in the documentation that are no package or class of the project").isEmpty();
    }

    @Test
    void aMovedClassIsFound() {
        List<Path> roots = sourceRoots();

        assertThat(exists(roots, "io.github.orysession")).isTrue();
        assertThat(exists(roots, "io.github.orysession.docs.DocumentationClassNamesTest")).isTrue();
        assertThat(exists(roots, "io.github.orysession.docs.NoSuchClass")).isFalse();
        assertThat(exists(roots, "io.github.orysession.nosuchpackage")).isFalse();
    }

    /** A package (a folder) or a class (the file of its outermost class: {@code a.b.Outer.Inner} is {@code a/b/Outer.java}). */
    private static boolean exists(List<Path> sourceRoots, String name) {
        String[] parts = name.split("\\.");
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            path.append(path.length() == 0 ? "" : "/").append(part);
            if (Character.isUpperCase(part.charAt(0))) {
                String file = path + ".java";
                return sourceRoots.stream().anyMatch(r -> Files.isRegularFile(r.resolve(file)));
            }
        }
        return sourceRoots.stream().anyMatch(r -> Files.isDirectory(r.resolve(path.toString())));
    }

    /** {@code src/main/java} and {@code src/test/java} of every module. */
    private List<Path> sourceRoots() {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.filter(Files::isDirectory)
                    .flatMap(dir -> Stream.of(dir.resolve("src/main/java"), dir.resolve("src/test/java")))
                    .filter(Files::isDirectory)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
