package io.github.orysession.example.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import io.github.orysession.KratosBadResponseException;

/**
 * Renders the UI of a Kratos self-service flow (its {@code ui}: {@code action}, {@code method}, {@code messages},
 * {@code nodes}) as HTML forms that post straight to Kratos, the way Kratos's UI node model describes them:
 * <ul>
 * <li>one form per node group ({@code password}, {@code profile}, {@code totp}, ...), each with the {@code default}
 *     group's nodes (the hidden {@code csrf_token}, the identifier, the traits of a registration's second step), so
 *     that a {@code required} field of one method never blocks submitting another;</li>
 * <li>{@code input} nodes by type (hidden, submit buttons carrying {@code method}, checkboxes, text fields with their
 *     label from {@code meta.label}), {@code img} nodes (the TOTP QR code, a {@code data:} image only), {@code text}
 *     nodes (the TOTP secret), {@code a} nodes ({@code http(s)} links only); {@code script} nodes (WebAuthn and
 *     passkeys) are not loaded;</li>
 * <li>the flow's messages and each node's messages, by type (info, success, error).</li>
 * </ul>
 * Every value is escaped by {@link Html}. The form's action must be on one of the given Kratos origins, otherwise the
 * flow is refused as a bad answer: a flow never makes the browser post a password anywhere else.
 */
public final class FlowForm {

    static final Set<String> INPUT_TYPES = Set.of("text", "email", "password", "number", "tel", "url", "date",
            "datetime-local", "hidden", "submit", "button", "checkbox");
    private static final Pattern DATA_IMAGE = Pattern.compile("data:image/(png|jpeg|gif);base64,[A-Za-z0-9+/=]+");
    private static final Map<String, String> GROUP_HEADINGS = Map.of(
            "password", "Password", "profile", "Profile", "totp", "Authenticator app (TOTP)",
            "lookup_secret", "Backup codes", "webauthn", "Security key", "passkey", "Passkey",
            "oidc", "Sign in with another account", "code", "One-time code", "identifier_first", "Sign in",
            "link", "Link");

    private final Set<String> kratosOrigins;

    /**
     * @param kratosUrls the URLs of Kratos's public API as browsers reach it; a form may post to their origins only
     */
    public FlowForm(List<URI> kratosUrls) {
        this.kratosOrigins = Set.copyOf(kratosUrls.stream().map(FlowForm::origin).toList());
    }

    /**
     * @param flow the flow as Kratos returned it (its {@code ui} is rendered)
     * @param sections {@code true} for one card per group with its heading, side by side (settings), {@code false}
     *        for one card holding every group's form (login, registration)
     * @return the flow's messages and forms
     * @throws KratosBadResponseException when the flow has no UI, or its form would post anywhere but to Kratos
     */
    public Html render(JsonObject flow, boolean sections) {
        if (!(flow.get("ui") instanceof JsonObject ui)) {
            throw new KratosBadResponseException("Kratos answered a flow without a ui object", null);
        }
        String action = action(ui);
        String method = ui.getString("method", "POST").toUpperCase(Locale.ROOT);
        if (!method.equals("POST") && !method.equals("GET")) {
            throw new KratosBadResponseException("Kratos answered a flow whose form method is not POST or GET", null);
        }
        List<JsonObject> defaults = new ArrayList<>();
        Map<String, List<JsonObject>> groups = new LinkedHashMap<>();
        for (JsonObject node : nodes(ui)) {
            String group = node.getString("group", "default");
            (group.equals("default") ? defaults : groups.computeIfAbsent(group, g -> new ArrayList<>())).add(node);
        }
        if (groups.isEmpty()) {
            groups.put("default", List.of());
        }
        Html forms = new Html();
        for (Map.Entry<String, List<JsonObject>> group : groups.entrySet()) {
            Html form = new Html().open("form", "method", method.toLowerCase(Locale.ROOT), "action", action);
            defaults.forEach(node -> form.append(Nodes.render(node)));
            group.getValue().forEach(node -> form.append(Nodes.render(node)));
            form.close("form");
            forms.append(sections ? Blocks.card(GROUP_HEADINGS.get(group.getKey()), form) : form);
        }
        Html out = new Html().append(Messages.of(ui.get("messages")));
        return sections ? out.open("div", "class", "grid").append(forms).close("div") : out.append(Blocks.card(null, forms));
    }

    private String action(JsonObject ui) {
        String action = ui.getString("action", "");
        URI uri;
        try {
            uri = new URI(action);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || !kratosOrigins.contains(origin(uri))) {
            throw new KratosBadResponseException("Kratos answered a flow whose form does not post to Kratos ("
                    + kratosOrigins + ")", null);
        }
        return action;
    }

    private static List<JsonObject> nodes(JsonObject ui) {
        JsonValue nodes = ui.get("nodes");
        if (!(nodes instanceof JsonArray array)) {
            throw new KratosBadResponseException("Kratos answered a flow without UI nodes", null);
        }
        return array.stream().filter(node -> node instanceof JsonObject).map(JsonValue::asJsonObject).toList();
    }

    /** {@code scheme://host:port}, the port always written. */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    /** Whether an image source is one a flow may show: an inline PNG, JPEG or GIF (Kratos's TOTP QR code). */
    static boolean isDataImage(String src) {
        return src != null && DATA_IMAGE.matcher(src).matches();
    }
}
