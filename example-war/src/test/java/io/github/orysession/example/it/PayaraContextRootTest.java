package io.github.orysession.example.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.junit.jupiter.api.Test;

/** The work-around for Payara Micro's adapter reading a half-written deployment summary. */
class PayaraContextRootTest {

    @Test
    void aContextWithoutTheApplicationGetsTheArchivesContextRoot() {
        HTTPContext context = new HTTPContext("192.0.2.2", 8976);
        PayaraContextRoot.fill(new ProtocolMetaData().addContext(context), "jwt-off.war");

        assertThat(context.getServlets()).as("servlets after the fix").hasSize(1);
        assertThat(context.getServlets().get(0).getBaseURI()).as("the test's base URL")
                .hasToString("http://192.0.2.2:8976/jwt-off/");
    }

    @Test
    void aContextTheAdapterReadInFullIsLeftAlone() {
        HTTPContext context = new HTTPContext("192.0.2.2", 8976).add(new Servlet("default", "/example"));
        PayaraContextRoot.fill(new ProtocolMetaData().addContext(context), "example.war");

        assertThat(context.getServlets()).extracting(Servlet::getContextRoot).as("context roots").containsExactly("/example");
    }
}
