package io.github.orysession.example.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The example WAR exactly as Maven built it, for {@code @Deployment} methods. */
final class ExampleDeployment {

    private ExampleDeployment() {
    }

    static WebArchive war() {
        return ShrinkWrap.create(ZipImporter.class, "example.war")
                .importFrom(new File(System.getProperty("example.war", "target/example.war")))
                .as(WebArchive.class);
    }
}
