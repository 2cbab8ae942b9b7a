package io.github.orysession.example.html;

/**
 * A small HTML builder that escapes every value written into the page: text with {@link #text(String)}, attribute
 * values in {@link #open(String, String...)}. Element and attribute names always come from the example's own code,
 * never from a request or from Kratos; outside this package there is no way to add unescaped markup except another
 * {@code Html}.
 *
 * <pre>{@code
 * Html card = new Html().open("p", "class", "note").text(identity.email()).close("p");
 * }</pre>
 */
public final class Html {

    /**
     * The value of a boolean attribute that is present: {@code open("input", "required", BOOLEAN)}. Recognised by
     * identity, so no text from anywhere else, whatever it says, can turn into it.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    public static final String BOOLEAN = new String("boolean");

    private final StringBuilder out = new StringBuilder();

    /**
     * Opens an element.
     *
     * @param tag the element name, a constant of the example's code
     * @param attributes name, value, name, value...: each value escaped; a {@code null} value leaves the attribute
     *        out, the value {@link #BOOLEAN} writes it without a value ({@code required}, {@code disabled})
     * @return this
     */
    public Html open(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            String value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            out.append(' ').append(attributes[i]);
            if (value != BOOLEAN) {
                out.append("=\"").append(escape(value)).append('"');
            }
        }
        out.append('>');
        return this;
    }

    /**
     * @param present whether the boolean attribute is set
     * @return {@link #BOOLEAN} or {@code null} (left out)
     */
    public static String flag(boolean present) {
        return present ? BOOLEAN : null;
    }

    /**
     * @param tag the element to close
     * @return this
     */
    public Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /**
     * Escaped text.
     *
     * @param text any text, or {@code null} for nothing
     * @return this
     */
    public Html text(String text) {
        if (text != null) {
            out.append(escape(text));
        }
        return this;
    }

    /**
     * An element with escaped text inside: {@code <tag attributes>text</tag>}.
     *
     * @param tag the element name
     * @param text its text, escaped
     * @param attributes as for {@link #open(String, String...)}
     * @return this
     */
    public Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /**
     * Appends markup built the same way.
     *
     * @param other another builder (already escaped)
     * @return this
     */
    public Html append(Html other) {
        out.append(other.out);
        return this;
    }

    /**
     * Markup written as it is, for this package's own constants only (the doctype and the stylesheet, which must stay
     * byte for byte what the CSP hash covers): package-private, so no page can pass a value from elsewhere through it.
     *
     * @param constant markup that is a constant of this package's code
     * @return this
     */
    Html trusted(String constant) {
        out.append(constant);
        return this;
    }

    /** Whether nothing has been written. */
    public boolean isEmpty() {
        return out.length() == 0;
    }

    /** The markup. */
    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * Escapes text for HTML content and double-quoted attribute values: {@code & < > " '}, and drops the control
     * characters HTML does not allow (NUL and the C0/C1 controls other than tab, line feed and carriage return).
     *
     * @param value the text
     * @return the escaped text
     */
    public static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
                    if (!control) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
