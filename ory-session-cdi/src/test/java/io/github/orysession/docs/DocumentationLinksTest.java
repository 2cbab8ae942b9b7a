package io.github.orysession.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every link in the README, CONTRIBUTING.md, CHANGELOG.md and {@code docs/*.md} resolves: a relative link names a
 * file or folder of the checkout, and its {@code #anchor} a heading of the target page as GitHub renders it. External
 * links are not fetched (the build never leaves the machine); they must be well-formed {@code http(s)} URLs.
 */
class DocumentationLinksTest {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final Path root = ProjectFiles.root();

    @Test
    void everyLinkResolves() {
        List<Path> pages = ProjectFiles.markdownPages(root);
        assertThat(pages).as("pages to check").hasSizeGreaterThan(3).allMatch(Files::isRegularFile);

        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            for (MarkdownPage.Link link : new MarkdownPage(ProjectFiles.read(page)).links()) {
                checked++;
                String problem = problem(page, link.target());
                if (problem != null) {
                    broken.add(root.relativize(page) + ":" + link.line() + ": (" + link.target() + ") " + problem);
                }
            }
        }
        assertThat(checked).as("links found (is the parser finding them?)").isGreaterThan(20);
        assertThat(broken).as("links that do not resolve").isEmpty();
    }

    @Test
    void brokenLinksAreFound() {
        Path readme = root.resolve("README.md");

        assertThat(problem(readme, "docs/configuration.md")).isNull();
        assertThat(problem(readme, "docs/configuration.md#self-hosted-kratos-or-ory-network")).isNull();
        assertThat(problem(readme, "docs/")).isNull();
        assertThat(problem(readme, "https://www.ory.sh/")).isNull();
        assertThat(problem(readme, "docs/no-such-page.md")).contains("no such file");
        assertThat(problem(readme, "docs/configuration.md#no-such-heading")).contains("no heading");
        assertThat(problem(readme, "#no-such-heading")).contains("no heading");
        assertThat(problem(readme, "../outside.md")).contains("outside");
        assertThat(problem(readme, "https://")).contains("malformed");
        assertThat(problem(readme, "http://exa mple.com/")).contains("malformed");
        assertThat(problem(readme, "javascript:alert(1)")).contains("scheme");
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(new MarkdownPage("""
                # Ory sessions for Jakarta EE
                ## Using `@Authenticated` and OrySession
                ## Kratos's refreshed session cookie
                ## Assurance level (AAL2)
                ## MySessions: the current user's sessions
                ## Notes
                ## Notes
                ```
                # not a heading
                ```
                """).anchors()).containsExactly("ory-sessions-for-jakarta-ee", "using-authenticated-and-orysession",
                "kratoss-refreshed-session-cookie", "assurance-level-aal2", "mysessions-the-current-users-sessions",
                "notes", "notes-1");
    }

    @Test
    void linksInCodeAreNotLinks() {
        List<MarkdownPage.Link> links = new MarkdownPage("""
                A [link](a.md), an ![image](b.png "title"), `[code](c.md)`, <https://d.example/>.
                [ref]: e.md
                ```
                [fenced](f.md)
                ```
                """).links();

        assertThat(links).extracting(MarkdownPage.Link::target)
                .containsExactlyInAnyOrder("a.md", "b.png", "https://d.example/", "e.md");
    }

    /** Why the link from {@code page} to {@code target} does not resolve, or null when it does. */
    private String problem(Path page, String target) {
        if (SCHEME.matcher(target).matches()) {
            return external(target);
        }
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        if (!file.startsWith(root)) {
            return "points outside the repository";
        }
        if (!Files.exists(file)) {
            return "no such file: " + root.relativize(file);
        }
        if (anchor != null) {
            if (!file.toString().endsWith(".md") || Files.isDirectory(file)) {
                return "an anchor into a file that is not a Markdown page";
            }
            Set<String> anchors = new MarkdownPage(ProjectFiles.read(file)).anchors();
            if (!anchors.contains(anchor)) {
                return "no heading with that anchor in " + root.relativize(file) + "; its anchors: " + anchors;
            }
        }
        return null;
    }

    private static String external(String target) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return "malformed: " + e.getMessage();
        }
        String scheme = uri.getScheme().toLowerCase();
        if (scheme.equals("mailto")) {
            return null;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "a scheme other than http(s)";
        }
        if (uri.getHost() == null || !uri.getHost().contains(".")) {
            return "malformed: no host";
        }
        return null;
    }
}
