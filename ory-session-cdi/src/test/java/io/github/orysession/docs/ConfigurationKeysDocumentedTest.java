package io.github.orysession.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The configuration page lists exactly the keys the library reads. Every name of the form {@code ory.<...>} in a
 * string literal of a library module's main sources (wherever the class that holds it lives) must be a key in the
 * first column of the table in {@code docs/configuration.md} or a counter in the metrics table of
 * {@code docs/failure-behaviour.md}; every key in that table must occur in the sources. Comments and Javadoc are not
 * code, and a name built from a prefix cannot be checked, so a literal that ends in a dot fails the test: a key that
 * holds a name of the application's (a REST client's config key) is written out whole with a placeholder,
 * {@code <configKey>}, and documented so.
 */
class ConfigurationKeysDocumentedTest {

    /**
     * An {@code ory.} name in a literal, not inside a longer word or host name ({@code www.ory.sh}); a per-client key
     * is written whole with its placeholder, such as {@code ory.propagation.client.<configKey>.mode}.
     */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.-])ory\\.(?:[A-Za-z0-9_*.-]|<[A-Za-z]+>)*");

    private final Path root = ProjectFiles.root();

    @Test
    void theConfigurationPageListsEveryKeyTheLibraryReadsAndNoOther() {
        Map<String, Set<String>> inCode = namesInLibrarySources();
        Set<String> keys = documented("docs/configuration.md", "key");
        Set<String> counters = documented("docs/failure-behaviour.md", "counter");

        assertThat(inCode).as("ory.* names in the library's sources (is the scan looking in the right place?)")
                .containsKey("ory.kratos.url");
        assertThat(keys).as("keys in docs/configuration.md's table").contains("ory.kratos.url");

        Map<String, Set<String>> undocumented = new TreeMap<>(inCode);
        undocumented.keySet().removeAll(keys);
        undocumented.keySet().removeAll(counters);
        Set<String> notRead = new TreeSet<>(keys);
        notRead.removeAll(inCode.keySet());
        Set<String> countersNotInCode = new TreeSet<>(counters);
        countersNotInCode.removeAll(inCode.keySet());
        Set<String> both = new TreeSet<>(keys);
        both.retainAll(counters);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(undocumented)
                    .as("names the library's code uses (name -> files) that docs/configuration.md's table does not"
                            + " list (nor docs/failure-behaviour.md's metrics table): add each key with its default")
                    .isEmpty();
            softly.assertThat(notRead).as("keys docs/configuration.md lists that no library source reads").isEmpty();
            softly.assertThat(countersNotInCode)
                    .as("counters docs/failure-behaviour.md lists that the library never registers").isEmpty();
            softly.assertThat(both).as("names documented both as a configuration key and as a metric").isEmpty();
        });
    }

    @Test
    void noKeyIsBuiltFromAPrefix() {
        Map<String, Set<String>> prefixes = new TreeMap<>();
        namesInLibrarySources().forEach((name, files) -> {
            if (name.endsWith(".") || name.contains("*")) {
                prefixes.put(name, files);
            }
        });
        assertThat(prefixes)
                .as("literals that are only the start of a name (name -> files): write every key out whole, so"
                        + " that this test can compare it with docs/configuration.md")
                .isEmpty();
    }

    @Test
    void theScanSeesLiteralsOnlyNotCommentsOrJavadoc() {
        String source = """
                /** Reads {@code ory.in.javadoc} and "ory.in.javadoc.quoted". */
                class Keys {
                    // ory.in.line.comment "ory.in.line.comment.quoted"
                    /* "ory.in.block.comment" */
                    static final String URL = "http://example.com/"; // a // inside a string is no comment
                    static final String KEY = "ory.a.key";
                    static final char QUOTE = '"';
                    static final String AFTER_QUOTE = "ory.after.char.quote";
                    static final String MESSAGE = "ory.in.message must be set.";
                    static final String SENTENCE = "set ory.sentence.end.";
                    static final String PREFIX = "ory.a.prefix.";
                    static final String TEMPLATE = "ory.a.<name>.key";
                    static final String HOST = "https://www.ory.sh";
                    static final String BLOCK = \"""
                            ory.in.text.block=1
                            \""";
                }
                """;

        assertThat(names(source)).containsExactlyInAnyOrder("ory.a.key", "ory.after.char.quote", "ory.in.message",
                "ory.sentence.end", "ory.a.prefix.", "ory.a.<name>.key", "ory.in.text.block");
    }

    @Test
    void theTableIsReadFromItsFirstColumn() {
        MarkdownPage page = new MarkdownPage("""
                text `ory.not.in.table`

                | key | default | meaning |
                |---|---|---|
                | `ory.one` | `1` | one |
                | `ory.two` | (none) | `ory.mentioned` in a meaning |

                | other | x |
                |---|---|
                | `ory.other.table` | x |
                """);

        assertThat(backticked(page.firstColumn("key"))).containsExactly("ory.one", "ory.two");
    }

    private Map<String, Set<String>> namesInLibrarySources() {
        Map<String, Set<String>> names = new TreeMap<>();
        List<Path> sources = ProjectFiles.libraryMainSources(root);
        assertThat(sources).as("library sources under " + root).isNotEmpty();
        for (Path file : sources) {
            for (String name : names(ProjectFiles.read(file))) {
                names.computeIfAbsent(name, n -> new TreeSet<>()).add(root.relativize(file).toString());
            }
        }
        return names;
    }

    /** The names in a source's literals; a dot that ends a sentence inside a longer literal is not part of one. */
    private static Set<String> names(String source) {
        Set<String> names = new TreeSet<>();
        for (String literal : JavaStringLiterals.of(source)) {
            Matcher m = NAME.matcher(literal);
            while (m.find()) {
                String name = m.group();
                boolean wholeLiteral = name.equals(literal.strip());
                names.add(!wholeLiteral && name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
            }
        }
        return names;
    }

    private Set<String> documented(String page, String header) {
        return backticked(new MarkdownPage(ProjectFiles.read(root.resolve(page))).firstColumn(header));
    }

    private static Set<String> backticked(List<String> cells) {
        Set<String> names = new TreeSet<>();
        Pattern code = Pattern.compile("`([^`]+)`");
        for (String cell : cells) {
            Matcher m = code.matcher(cell);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
