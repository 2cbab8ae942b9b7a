package io.github.orysession.example.html;

import java.util.Locale;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * One Kratos UI node as HTML, by its {@code type}: {@code input}, {@code img}, {@code text}, {@code a}; a
 * {@code script} node (WebAuthn, passkeys) is left out, since this example loads no script. Kratos's
 * {@code onclick} and {@code onclickTrigger} attributes are never written.
 */
final class Nodes {

    private Nodes() {
    }

    static Html render(JsonObject node) {
        JsonObject attributes = object(node.get("attributes"));
        Html out = switch (node.getString("type", "")) {
            case "input" -> input(attributes, label(node));
            case "img" -> image(attributes, label(node));
            case "text" -> text(attributes, label(node));
            case "a" -> anchor(attributes);
            default -> new Html();
        };
        return out.append(Messages.ofField(node.get("messages")));
    }

    private static Html input(JsonObject attributes, String label) {
        String type = attributes.getString("type", "text").toLowerCase(Locale.ROOT);
        if (!FlowForm.INPUT_TYPES.contains(type)) {
            type = "text";
        }
        String name = attributes.getString("name", "");
        String value = value(attributes.get("value"));
        String disabled = Html.flag(attributes.getBoolean("disabled", false));
        switch (type) {
            case "hidden":
                return new Html().open("input", "type", "hidden", "name", name, "value", value);
            case "submit", "button":
                return new Html().open("div", "class", "actions")
                        .element("button", label != null ? label : value, "type", "submit", "name", name,
                                "value", value, "disabled", disabled)
                        .close("div");
            case "checkbox":
                return new Html().open("label", "class", "check")
                        .open("input", "type", "checkbox", "name", name, "value", "true",
                                "checked", Html.flag("true".equals(value)), "disabled", disabled)
                        .text(label != null ? label : name)
                        .close("label");
            default:
                return new Html().open("label").text(label != null ? label : name)
                        .open("input", "type", type, "name", name,
                                // A password field never shows a value, whatever the flow says.
                                "value", type.equals("password") ? null : value,
                                "required", Html.flag(attributes.getBoolean("required", false)),
                                "disabled", disabled,
                                "autocomplete", string(attributes, "autocomplete"),
                                "pattern", string(attributes, "pattern"),
                                "maxlength", number(attributes, "maxlength"))
                        .close("label");
        }
    }

    private static Html image(JsonObject attributes, String label) {
        String src = attributes.getString("src", null);
        Html out = new Html();
        if (label != null) {
            out.element("p", label);
        }
        if (FlowForm.isDataImage(src)) {
            out.open("img", "class", "qr", "src", src, "alt", label != null ? label : "image",
                    "width", number(attributes, "width"), "height", number(attributes, "height"));
        }
        return out;
    }

    private static Html text(JsonObject attributes, String label) {
        JsonObject text = object(attributes.get("text"));
        Html out = new Html();
        if (label != null) {
            out.element("p", label);
        }
        return out.element("code", text.getString("text", ""), "class", "secret", "id", string(attributes, "id"));
    }

    private static Html anchor(JsonObject attributes) {
        String href = attributes.getString("href", "");
        String title = object(attributes.get("title")).getString("text", href);
        String scheme = href.contains(":") ? href.substring(0, href.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Html().element("p", title);
        }
        return new Html().open("p").element("a", title, "href", href).close("p");
    }

    /** {@code meta.label.text}, or {@code null}. */
    private static String label(JsonObject node) {
        JsonObject label = object(object(node.get("meta")).get("label"));
        return label.getString("text", null);
    }

    private static JsonObject object(JsonValue value) {
        return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String value(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value.toString();
    }

    private static String string(JsonObject attributes, String name) {
        return attributes.get(name) instanceof JsonString value && !value.getString().isEmpty() ? value.getString() : null;
    }

    private static String number(JsonObject attributes, String name) {
        return attributes.get(name) instanceof JsonNumber value ? String.valueOf(value.longValue()) : null;
    }
}
