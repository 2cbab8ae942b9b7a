package io.github.orysession.example.it;

import java.io.File;
import java.net.URI;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import io.github.orysession.test.kratos.RealKratos;

/** The example WAR exactly as Maven built it, for {@code @Deployment} methods, and where the browser tests find it. */
final class ExampleDeployment {

    private ExampleDeployment() {
    }

    static WebArchive war() {
        return ShrinkWrap.create(ZipImporter.class, "example.war")
                .importFrom(new File(System.getProperty("example.war", "target/example.war")))
                .as(WebArchive.class);
    }

    /**
     * The example deployed on the server's fixed port ({@code fixed-port} in arquillian.xml), as a base URL ending in
     * {@code /}: {@code kratos.app.url}, where Kratos sends browsers ({@link RealKratos#appUrl()}). The browser tests
     * use it rather than the URL Arquillian reports, because it is where Kratos sends browsers, and because the Payara
     * Micro adapter now and then reports a freshly started deployment without its context root (it reads the context
     * root from Payara's console output while that is still being written).
     */
    static URI fixedPortApp() {
        return URI.create(RealKratos.appUrl() + "/");
    }
}
