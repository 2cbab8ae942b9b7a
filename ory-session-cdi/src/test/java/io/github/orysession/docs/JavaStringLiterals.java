package io.github.orysession.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source file, read with a small lexer so that comments (Javadoc included) are
 * skipped, a {@code //} inside a string is not taken for a comment, and text blocks and character literals are
 * understood. Escapes are kept as written: the names looked for never contain any.
 */
final class JavaStringLiterals {

    private JavaStringLiterals() {
    }

    static List<String> of(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = indexOrEnd(source, "\n", i);
            } else if (source.startsWith("/*", i)) {
                i = indexOrEnd(source, "*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                int stop = end < 0 ? n : end;
                literals.add(source.substring(source.indexOf('\n', i) + 1, stop));
                i = stop + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    literals.add(source.substring(i + 1, Math.min(j, n)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int indexOrEnd(String source, String what, int from) {
        int at = source.indexOf(what, from);
        return at < 0 ? source.length() : at;
    }
}
