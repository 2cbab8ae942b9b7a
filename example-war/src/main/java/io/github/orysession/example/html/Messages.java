package io.github.orysession.example.html;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Kratos's UI messages ({@code {"id","text","type","context"}}), as message boxes or as a field's notes. */
final class Messages {

    private Messages() {
    }

    /**
     * @param messages a flow's {@code ui.messages}: an array, or absent / {@code null}
     * @return a message box per message
     */
    static Html of(JsonValue messages) {
        Html out = new Html();
        for (JsonObject message : list(messages)) {
            out.append(Blocks.message(message.getString("type", "info"), message.getString("text", "")));
        }
        return out;
    }

    /**
     * @param messages a node's {@code messages}
     * @return a short note under the field per message
     */
    static Html ofField(JsonValue messages) {
        Html out = new Html();
        for (JsonObject message : list(messages)) {
            out.element("p", message.getString("text", ""), "class",
                    "field-msg " + Blocks.messageType(message.getString("type", "info")));
        }
        return out;
    }

    private static Iterable<JsonObject> list(JsonValue messages) {
        if (!(messages instanceof JsonArray array)) {
            return java.util.List.of();
        }
        return array.stream().filter(m -> m instanceof JsonObject).map(JsonValue::asJsonObject).toList();
    }
}
