package io.github.orysession.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.github.orysession.model.Session;

/** What the JCache store writes is read back as the same session: real Kratos answers and Ory's documented payload. */
class SessionWriterTest {

    @Test
    void writtenSessionsReadBackEqual() throws IOException {
        for (String name : new String[] {"kratos/whoami-token.json", "kratos/whoami-cookie.json", "kratos/seed-session.json"}) {
            Session kratos = SessionReader.session(Jsonp.read(resource(name)));
            String written = SessionWriter.session(kratos).toString();

            assertThat(SessionReader.session(Jsonp.read(written))).as(name).isEqualTo(kratos);
        }
    }

    @Test
    void absentValuesStayAbsentAndListsAreEmpty() {
        Session bare = new Session("s-1", false, null, null, null, null, null, null, null, null);

        assertThat(SessionWriter.session(bare).toString()).isEqualTo("{\"id\":\"s-1\",\"active\":false,\"authentication_methods\":[],\"devices\":[]}");
        assertThat(SessionReader.session(SessionWriter.session(bare))).isEqualTo(bare);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SessionWriterTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
