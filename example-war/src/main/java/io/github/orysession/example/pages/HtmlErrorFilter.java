package io.github.orysession.example.pages;

import static io.github.orysession.example.JsonBodies.JSON;

import java.io.StringReader;
import java.lang.annotation.Annotation;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import io.github.orysession.example.html.Blocks;
import io.github.orysession.example.html.Html;
import io.github.orysession.example.html.Layout;
import io.github.orysession.example.html.Viewer;

/**
 * Turns the library's JSON error answers on an {@link HtmlPage} (from its request filter or its exception mapper:
 * no session on a form's {@code POST}, Kratos unavailable, rate-limited or answering garbage) into an HTML page with
 * the same status and headers ({@code Retry-After} stays). A person gets a readable page; a browser navigation that a
 * login can cure never gets here, since the library answers it with a {@code 303} to the login.
 */
@Provider
@HtmlPage
public class HtmlErrorFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || !(response.getEntity() instanceof String body)
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        JsonObject error = error(body);
        if (error == null) {
            return;
        }
        int status = response.getStatus();
        Html content = new Html().append(Blocks.message("error", message(error)));
        String basePath = Page.basePath(request.getUriInfo().getBaseUri());
        switch (status) {
            case 401 -> content.open("p").text("Your session has ended or was signed out. ")
                    .append(Blocks.link(basePath + "login", "Sign in again")).text(".").close("p");
            case 429, 503 -> content.append(Blocks.paragraph("Nothing was changed. Please try again in a few seconds."));
            default -> content.open("p").append(Blocks.link(basePath, "Back to the start")).close("p");
        }
        response.setEntity(Layout.page(basePath, Viewer.ANONYMOUS, title(status), content), new Annotation[0],
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /** The {@code error} object of a library error body, or {@code null} when the body is something else. */
    private static JsonObject error(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            JsonValue error = reader.readObject().get("error");
            return error instanceof JsonObject object ? object : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static String message(JsonObject error) {
        String message = error.getString("message", "The request could not be completed.");
        if (error.get("kratos") instanceof JsonObject kratos) {
            String kratosSays = kratos.getString("reason", kratos.getString("message", ""));
            if (!kratosSays.isBlank()) {
                message += " Kratos says: " + kratosSays;
            }
        }
        return message;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "That did not work";
            case 401 -> "Please sign in";
            case 403 -> "Not allowed";
            case 429 -> "Too many requests";
            case 502 -> "Kratos answered unexpectedly";
            case 503 -> "Kratos is not available";
            default -> "Something went wrong";
        };
    }
}
