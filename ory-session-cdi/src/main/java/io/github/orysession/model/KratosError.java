package io.github.orysession.model;

import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.github.orysession.internal.json.Jsonp;

/**
 * An error body as Kratos sends it: {@code {"error":{"id","code","status","reason","message","details",...}}},
 * kept whole rather than flattened to a string, so that callers can act on {@link #id()} (for example
 * {@code session_aal2_required}) and read {@link #details()}.
 *
 * @param id Kratos's stable error id, such as {@code session_aal2_required} or {@code security_csrf_violation}; may be {@code null}
 * @param code the HTTP status code Kratos gave
 * @param status the HTTP status text
 * @param reason a human-readable explanation of why the error happened, may be {@code null}
 * @param message the error message, may be {@code null}
 * @param request Kratos's request id, may be {@code null}
 * @param details further structured details, never {@code null}
 * @param redirectBrowserTo where Kratos says to send a browser to resolve the error (for example an
 *        {@code aal=aal2} login), or {@code null}
 */
public record KratosError(String id, int code, String status, String reason, String message, String request,
                          JsonObject details, String redirectBrowserTo) {

    /** Normalises absent details to an empty object. */
    public KratosError {
        details = details == null ? JsonValue.EMPTY_JSON_OBJECT : details;
    }

    /**
     * Reads an error body.
     *
     * @param body the response body
     * @param httpStatus the response status, used when the body does not say
     * @return the error, or empty when the body is not a Kratos error
     */
    public static Optional<KratosError> parse(String body, int httpStatus) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonObject root;
        try {
            if (!(Jsonp.read(body) instanceof JsonObject object)) {
                return Optional.empty();
            }
            root = object;
        } catch (IllegalArgumentException notJson) {
            return Optional.empty();
        }
        JsonValue error = root.get("error");
        if (error == null || error.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        JsonObject e = error.asJsonObject();
        JsonObject details = e.get("details") instanceof JsonObject d ? d : null;
        String redirect = string(root, "redirect_browser_to");
        if (redirect == null && details != null) {
            redirect = string(details, "redirect_browser_to");
        }
        int code = e.get("code") instanceof jakarta.json.JsonNumber n ? n.intValue() : httpStatus;
        return Optional.of(new KratosError(string(e, "id"), code, string(e, "status"), string(e, "reason"),
                string(e, "message"), string(e, "request"), details, redirect));
    }

    /** Where Kratos says to send a browser, when it says. */
    public Optional<String> redirectBrowserToIfAny() {
        return Optional.ofNullable(redirectBrowserTo);
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof jakarta.json.JsonString s ? s.getString() : null;
    }
}
