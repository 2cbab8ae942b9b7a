package io.github.orysession.example.selfservice;

import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Kratos's answer to fetching a flow or an error: its status and JSON body.
 *
 * @param status the HTTP status
 * @param body the JSON object Kratos answered (the flow, or its {@code {"error":{...}}})
 */
public record FlowAnswer(int status, JsonObject body) {

    /** An id Kratos cannot know (not a flow id's shape): answered like Kratos's own {@code 404}, without asking. */
    static FlowAnswer unknownId() {
        return new FlowAnswer(404, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** Whether Kratos returned the flow. */
    public boolean isFound() {
        return status == 200;
    }

    /** The object under {@code error}, or an empty one. */
    public JsonObject error() {
        return body.get("error") instanceof JsonObject error ? error : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** Kratos's error id, such as {@code security_csrf_violation} or {@code self_service_flow_expired}. */
    public Optional<String> errorId() {
        return error().get("id") instanceof JsonString id ? Optional.of(id.getString()) : Optional.empty();
    }

    /** Kratos's error message, reason first. */
    public String errorMessage() {
        return error().getString("reason", error().getString("message", "Kratos refused the request"));
    }

    /** The {@code return_to} Kratos kept with an expired flow ({@code error.details.return_to}). */
    public Optional<String> expiredFlowReturnTo() {
        JsonValue details = error().get("details");
        if (details instanceof JsonObject object && object.get("return_to") instanceof JsonString returnTo
                && !returnTo.getString().isEmpty()) {
            return Optional.of(returnTo.getString());
        }
        return Optional.empty();
    }
}
