package io.github.orysession.example.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import io.github.orysession.KratosBadResponseException;

/**
 * Kratos's UI nodes as forms: one form per group with the default group's nodes, inputs by type, labels, messages,
 * the TOTP QR code and secret, and nothing that could run script or post elsewhere. The flows are shaped like the
 * real Kratos v1.3.1 answers (settings with TOTP, the two-step registration).
 */
class FlowFormTest {

    private static final FlowForm FORM = new FlowForm(List.of(URI.create("http://127.0.0.1:4433")));
    private static final String ACTION = "http://127.0.0.1:4433/self-service/settings?flow=f1";

    @Test
    void aSettingsFlowIsOneFormPerGroupEachWithTheCsrfToken() {
        String html = FORM.render(flow(ACTION, """
                {"type":"input","group":"default","attributes":{"name":"csrf_token","type":"hidden","value":"tok","required":true},"messages":[],"meta":{}},
                {"type":"input","group":"profile","attributes":{"name":"traits.email","type":"email","value":"a@example.com","required":true,"autocomplete":"email"},"messages":[],"meta":{"label":{"id":1,"text":"E-Mail","type":"info"}}},
                {"type":"input","group":"profile","attributes":{"name":"method","type":"submit","value":"profile"},"messages":[],"meta":{"label":{"id":2,"text":"Save","type":"info"}}},
                {"type":"input","group":"password","attributes":{"name":"password","type":"password","value":"leaked","required":true},"messages":[{"id":3,"text":"too short","type":"error"}],"meta":{"label":{"id":4,"text":"Password","type":"info"}}},
                {"type":"input","group":"password","attributes":{"name":"method","type":"submit","value":"password"},"messages":[],"meta":{"label":{"id":2,"text":"Save","type":"info"}}},
                {"type":"img","group":"totp","attributes":{"src":"data:image/png;base64,iVBORw0KGgo=","id":"totp_qr","width":256,"height":256},"messages":[],"meta":{"label":{"id":5,"text":"Authenticator app QR code","type":"info"}}},
                {"type":"text","group":"totp","attributes":{"text":{"id":6,"text":"SECRETKEY","type":"info"},"id":"totp_secret_key"},"messages":[],"meta":{"label":{"id":7,"text":"This is your authenticator app secret.","type":"info"}}},
                {"type":"input","group":"totp","attributes":{"name":"totp_code","type":"text","required":true,"onclick":"evil()"},"messages":[],"meta":{"label":{"id":8,"text":"Verify code","type":"info"}}},
                {"type":"input","group":"totp","attributes":{"name":"method","type":"submit","value":"totp"},"messages":[],"meta":{"label":{"id":2,"text":"Save","type":"info"}}}
                """, "[{\"id\":9,\"text\":\"Your changes have been saved!\",\"type\":\"success\"}]"), true).toString();

        assertThat(html.split("<form ", -1)).as("one form per group: profile, password, totp").hasSize(4);
        assertThat(html.split("name=\"csrf_token\" value=\"tok\"", -1)).as("the CSRF token in each form").hasSize(4);
        assertThat(html).contains("<form method=\"post\" action=\"" + ACTION + "\">")
                .contains("<h2>Authenticator app (TOTP)</h2>").contains("<h2>Password</h2>")
                .contains("<p class=\"msg success\" role=\"status\">Your changes have been saved!</p>")
                .contains("<label>E-Mail<input type=\"email\" name=\"traits.email\" value=\"a@example.com\" required autocomplete=\"email\"></label>")
                .contains("<button type=\"submit\" name=\"method\" value=\"totp\">Save</button>")
                .contains("<img class=\"qr\" src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"Authenticator app QR code\" width=\"256\" height=\"256\">")
                .contains("<code class=\"secret\" id=\"totp_secret_key\">SECRETKEY</code>")
                .contains("<p class=\"field-msg error\">too short</p>")
                .doesNotContain("leaked").doesNotContain("onclick").doesNotContain("evil()");
    }

    @Test
    void aRegistrationStepIsOneCardWithAFormPerGroup() {
        String html = FORM.render(flow(ACTION, """
                {"type":"input","group":"password","attributes":{"name":"password","type":"password","required":true},"messages":[],"meta":{"label":{"id":1,"text":"Password","type":"info"}}},
                {"type":"input","group":"password","attributes":{"name":"method","type":"submit","value":"password"},"messages":[],"meta":{"label":{"id":2,"text":"Sign up","type":"info"}}},
                {"type":"input","group":"profile","attributes":{"name":"screen","type":"submit","value":"previous"},"messages":[],"meta":{"label":{"id":3,"text":"Back","type":"info"}}},
                {"type":"input","group":"default","attributes":{"name":"traits.email","type":"hidden","value":"a@example.com"},"messages":[],"meta":{}},
                {"type":"input","group":"default","attributes":{"name":"csrf_token","type":"hidden","value":"tok"},"messages":[],"meta":{}}
                """, "null"), false).toString();

        assertThat(html.split("<section class=\"card\">", -1)).as("one card").hasSize(2);
        assertThat(html.split("<form ", -1)).as("the password step and the way back, apart").hasSize(3);
        assertThat(html.split("name=\"traits.email\" value=\"a@example.com\"", -1)).as("the traits in both").hasSize(3);
        assertThat(html.indexOf("Sign up")).as("groups in Kratos's order").isLessThan(html.indexOf("Back"));
    }

    @Test
    void aFormThatWouldPostAnywhereButKratosIsRefused() {
        for (String action : new String[] {"https://evil.example/self-service/login?flow=1", "javascript:alert(1)",
                "/self-service/login", "http://127.0.0.1:4434/self-service/login", "http://127.0.0.1.evil.example:4433/x"}) {
            assertThatThrownBy(() -> FORM.render(flow(action, "", "[]"), false)).as(action)
                    .isInstanceOf(KratosBadResponseException.class);
        }
        assertThat(FORM.render(flow("HTTP://127.0.0.1:4433/self-service/login?flow=1", "", "[]"), false).toString())
                .as("the same origin, written differently").contains("<form");
    }

    @Test
    void scriptsForeignImagesAndScriptLinksAreNotRendered() {
        String html = FORM.render(flow(ACTION, """
                {"type":"script","group":"webauthn","attributes":{"src":"https://evil.example/x.js","id":"webauthn_script"},"messages":[],"meta":{}},
                {"type":"img","group":"totp","attributes":{"src":"https://tracker.example/pixel.png","id":"i"},"messages":[],"meta":{}},
                {"type":"img","group":"totp","attributes":{"src":"data:image/svg+xml;base64,PHN2Zz4=","id":"s"},"messages":[],"meta":{}},
                {"type":"a","group":"default","attributes":{"href":"javascript:alert(1)","title":{"id":1,"text":"Click","type":"info"},"id":"a"},"messages":[],"meta":{}},
                {"type":"a","group":"default","attributes":{"href":"https://example.org/help","title":{"id":1,"text":"Help","type":"info"},"id":"b"},"messages":[],"meta":{}},
                {"type":"input","group":"default","attributes":{"name":"x","type":"image","value":"v"},"messages":[],"meta":{}}
                """, "[]"), false).toString();

        assertThat(html).doesNotContain("<script").doesNotContain("evil.example").doesNotContain("tracker.example")
                .doesNotContain("svg").doesNotContain("javascript:").contains("<p>Click</p>")
                .contains("<a href=\"https://example.org/help\">Help</a>")
                .as("an input type Kratos does not use becomes a text field").contains("type=\"text\" name=\"x\"");
    }

    @Test
    void aFlowWithoutUiIsABadAnswer() {
        assertThatThrownBy(() -> FORM.render(Json.createObjectBuilder().add("id", "x").build(), false))
                .isInstanceOf(KratosBadResponseException.class);
    }

    private static JsonObject flow(String action, String nodes, String messages) {
        String json = "{\"id\":\"f1\",\"ui\":{\"action\":\"" + action + "\",\"method\":\"POST\",\"messages\":" + messages
                + ",\"nodes\":[" + nodes + "]}}";
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
