package io.github.orysession.example.security;

import static io.github.orysession.example.JsonBodies.JSON;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.orysession.OrySession;

/**
 * A plain servlet behind a {@code <security-constraint>} (web.xml), not behind the library's JAX-RS filter: who the
 * caller is, as JSON {@code {"identity_id", "email"}}. The identity id is Jakarta Security's caller, the email the
 * library's {@link OrySession}: the same session, looked up once. {@code /servlet/me/recent} also needs a recent
 * sign-in ({@link SecurityDefinition}).
 */
@WebServlet(urlPatterns = {"/servlet/me", "/servlet/me/recent"})
public class MeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityContext security;

    @Inject
    OrySession session;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Json.write(response, JSON.createObjectBuilder()
                .add("identity_id", security.getCallerPrincipal().getName())
                .add("email", session.identity().email().orElse(""))
                .build());
    }
}
