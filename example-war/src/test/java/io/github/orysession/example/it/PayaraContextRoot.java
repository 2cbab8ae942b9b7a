package io.github.orysession.example.it;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Works around a race in Payara Micro's Arquillian adapter: it reads the server's log while Payara Micro is still
 * writing its deployment summary, and when it reads it half-written it finds the port but no application, so
 * {@code @ArquillianResource URL} is the server's root ({@code http://host:port/}) and every request of the test
 * class gets {@code 404}. After each deployment, a context without the application gets the context root Payara
 * Micro gives a WAR, its archive name ({@code jwt-off.war} → {@code /jwt-off}). Contexts the adapter read in full,
 * and Open Liberty's, are left as they are.
 */
public final class PayaraContextRoot implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Fix.class);
    }

    /** The observer; public for Arquillian. */
    public static final class Fix {

        @Inject
        private Instance<ProtocolMetaData> metaData;

        /**
         * @param event the deployment just made
         */
        public void afterDeploy(@Observes AfterDeploy event) {
            ProtocolMetaData deployed = metaData.get();
            if (deployed != null && event.getDeployment().getArchive() != null) {
                fill(deployed, event.getDeployment().getArchive().getName());
            }
        }
    }

    /**
     * @param deployed what the adapter found
     * @param archive the deployed archive's name, such as {@code jwt-off.war}
     */
    static void fill(ProtocolMetaData deployed, String archive) {
        if (!archive.endsWith(".war")) {
            return;
        }
        String contextRoot = "/" + archive.substring(0, archive.length() - ".war".length());
        for (HTTPContext context : deployed.getContexts(HTTPContext.class)) {
            if (context.getServlets().isEmpty()) {
                System.err.printf("PayaraContextRoot: the adapter found no application in Payara Micro's log; using %s://%s:%d%s%n",
                        context.getScheme(), context.getHost(), context.getPort(), contextRoot);
                context.add(new Servlet("default", contextRoot));
            }
        }
    }
}
