package io.github.orysession.example.security;

import static io.github.orysession.example.JsonBodies.JSON;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Only for the {@code admin} role, by web.xml's {@code <auth-constraint>}: the container refuses everyone else with
 * {@code 403} before this runs. The role is the identity's {@code metadata_public.roles}, which only Kratos's admin
 * API writes.
 */
@WebServlet("/servlet/admin")
public class AdminServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Json.write(response, JSON.createObjectBuilder()
                .add("identity_id", request.getUserPrincipal().getName())
                .add("admin", request.isUserInRole("admin"))
                .build());
    }
}
