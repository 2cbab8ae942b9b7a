package io.github.orysession.example;

import static io.github.orysession.example.JsonBodies.JSON;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;

/** Implements {@link ReportsApi}, whose annotations (not this class's) say who may read the reports. */
@Path("api/reports")
@RequestScoped
public class ReportsResource implements ReportsApi {

    @Override
    public JsonObject figures() {
        return JSON.createObjectBuilder().add("report", "figures").build();
    }

    @Override
    public JsonObject salaries() {
        return JSON.createObjectBuilder().add("report", "salaries").build();
    }
}
