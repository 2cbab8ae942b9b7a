package io.github.orysession.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the documentation checks need from a Markdown page, read the way GitHub renders it: the lines outside fenced
 * code blocks, the anchors of its headings, its links, and the cells of a table.
 */
final class MarkdownPage {

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    /** {@code [text](target "title")} and {@code ![alt](target)}; the text may hold one level of brackets. */
    private static final Pattern INLINE_LINK = Pattern.compile(
            "!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*])*]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]+)>");
    private static final Pattern HTML_LINK = Pattern.compile("(?:href|src)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)\\s*=\\s*\"([^\"]+)\"");
    /** What GitHub's slugger drops from a heading: everything but letters, digits, marks, spaces, - and _. */
    private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{N}\\p{M}\\p{Pc} -]");

    /** A link as written on a page, with its line number for the failure message. */
    record Link(int line, String target) {
    }

    private final List<String> lines;

    MarkdownPage(String text) {
        this.lines = outsideCode(text);
    }

    /** The anchors GitHub gives the page's headings (duplicates numbered -1, -2, ...), and explicit HTML anchors. */
    Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : lines) {
            if (line == null) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int count = seen.merge(slug, 1, Integer::sum);
                anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    /** Every link target on the page: inline links and images, reference definitions, autolinks, HTML links. */
    List<Link> links() {
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line == null) {
                continue;
            }
            String text = CODE_SPAN.matcher(line).replaceAll("code");
            for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_DEFINITION, AUTOLINK, HTML_LINK)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.startsWith("<") && target.endsWith(">")) {
                        target = target.substring(1, target.length() - 1);
                    }
                    links.add(new Link(i + 1, target));
                }
            }
        }
        return links;
    }

    /**
     * The first cells of the rows of the table whose header's first cell is {@code header}.
     *
     * @throws IllegalStateException when the page has no such table
     */
    List<String> firstColumn(String header) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i) != null && lines.get(i).startsWith("|") && header.equals(cells(lines.get(i)).get(0))) {
                List<String> column = new ArrayList<>();
                for (int row = i + 2; row < lines.size() && lines.get(row) != null && lines.get(row).startsWith("|");
                        row++) {
                    column.add(cells(lines.get(row)).get(0));
                }
                return column;
            }
        }
        throw new IllegalStateException("no table whose first column is headed '" + header + "'");
    }

    /** GitHub's anchor for a heading: its rendered text, lower-cased, punctuation dropped, spaces made hyphens. */
    static String slug(String heading) {
        String text = heading
                .replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")   // links and images: their text
                .replaceAll("<[^>]+>", "")                          // HTML tags
                .replace("`", "")
                .replace("*", "");
        return NOT_IN_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }

    private static List<String> cells(String row) {
        String inner = row.trim();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }

    /** The page's lines, with each line inside a fenced code block (fences included) replaced by null. */
    private static List<String> outsideCode(String text) {
        List<String> result = new ArrayList<>();
        String fence = null;
        for (String line : text.split("\n", -1)) {
            Matcher m = FENCE.matcher(line);
            if (fence == null && m.find()) {
                fence = m.group(1);
                result.add(null);
            } else if (fence != null) {
                if (line.trim().startsWith(fence)) {
                    fence = null;
                }
                result.add(null);
            } else {
                result.add(line);
            }
        }
        return result;
    }
}
