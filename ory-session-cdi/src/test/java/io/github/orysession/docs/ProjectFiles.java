package io.github.orysession.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the project's files from a test: the checkout's root (the folder with {@code docs/} and the parent POM,
 * whichever module the test runs in), the library modules' main sources, the Markdown pages.
 */
final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The root of the checkout: the nearest folder, upwards from the module, holding {@code docs/} and a POM. */
    static Path root() {
        Path start = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder with docs/ and pom.xml above " + start);
    }

    /** Every {@code .java} file under the {@code src/main/java} of each library module ({@code ory-session-*}). */
    static List<Path> libraryMainSources(Path root) {
        try (Stream<Path> modules = Files.list(root)) {
            return modules
                    .filter(dir -> dir.getFileName().toString().startsWith("ory-session-"))
                    .map(dir -> dir.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .flatMap(ProjectFiles::javaFiles)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pages whose links are checked: the README, CONTRIBUTING.md, CHANGELOG.md and {@code docs/*.md}. */
    static List<Path> markdownPages(Path root) {
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            return Stream.concat(
                            Stream.of("README.md", "CONTRIBUTING.md", "CHANGELOG.md").map(root::resolve),
                            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
