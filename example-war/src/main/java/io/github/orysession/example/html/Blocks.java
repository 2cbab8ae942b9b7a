package io.github.orysession.example.html;

import java.util.Locale;
import java.util.Map;

/** The building blocks the pages are made of: messages, cards, lists of facts, buttons that post. */
public final class Blocks {

    private Blocks() {
    }

    /**
     * A message box.
     *
     * @param type {@code info}, {@code success} or {@code error} (Kratos's message types); anything else is {@code info}
     * @param text the message
     * @return the markup
     */
    public static Html message(String type, String text) {
        return new Html().element("p", text, "class", "msg " + messageType(type), "role",
                "error".equals(messageType(type)) ? "alert" : "status");
    }

    /**
     * @param type a message type from anywhere
     * @return {@code info}, {@code success} or {@code error}
     */
    static String messageType(String type) {
        String normalised = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return switch (normalised) {
            case "error", "success" -> normalised;
            default -> "info";
        };
    }

    /**
     * A card: a white box with an optional heading.
     *
     * @param heading the heading, or {@code null}
     * @param content what is in it
     * @return the markup
     */
    public static Html card(String heading, Html content) {
        Html card = new Html().open("section", "class", "card");
        if (heading != null) {
            card.element("h2", heading);
        }
        return card.append(content).close("section");
    }

    /**
     * Facts as a two-column list.
     *
     * @param facts label to value, in order (use a {@link java.util.LinkedHashMap}); a {@code null} value shows a dash
     * @return the markup
     */
    public static Html facts(Map<String, String> facts) {
        Html list = new Html().open("dl", "class", "facts");
        facts.forEach((label, value) -> list.element("dt", label).element("dd", value == null ? "—" : value));
        return list.close("dl");
    }

    /**
     * A button in a form of its own that posts to one of the example's pages.
     *
     * @param action the page to post to (a path of the application)
     * @param label the button's text
     * @param style {@code null}, {@code secondary}, {@code danger} or {@code link}
     * @param fields hidden fields: name, value, name, value...
     * @return the markup
     */
    public static Html postButton(String action, String label, String style, String... fields) {
        Html form = new Html().open("form", "class", "inline", "method", "post", "action", action);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.open("input", "type", "hidden", "name", fields[i], "value", fields[i + 1]);
        }
        return form.element("button", label, "type", "submit", "class", style).close("form");
    }

    /**
     * A link.
     *
     * @param href where it goes
     * @param text what it says
     * @return the markup
     */
    public static Html link(String href, String text) {
        return new Html().element("a", text, "href", href);
    }

    /**
     * A paragraph of text.
     *
     * @param text the text
     * @return the markup
     */
    public static Html paragraph(String text) {
        return new Html().element("p", text);
    }
}
