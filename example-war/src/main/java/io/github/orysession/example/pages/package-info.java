/**
 * The example's pages for a person in a browser, as JAX-RS resources answering {@code text/html}: the start page,
 * Kratos's login, registration, settings and error UIs ({@link io.github.orysession.example.pages.FlowPage} shows a
 * flow or starts a new one), the {@code @Authenticated} dashboard, the sessions page, log out, sign in again, and a
 * page that needs a second factor. Every page is an {@link io.github.orysession.example.pages.HtmlPage} (security
 * headers, readable errors); every form that changes something is {@link io.github.orysession.example.pages.SameOrigin}.
 *
 * <pre>{@code
 * @Path("dashboard")
 * @HtmlPage
 * @Authenticated                     // no session: the library sends the browser to Kratos's login and back
 * public class DashboardPage {
 *     @Inject OrySession session;
 *
 *     @GET @Produces(MediaType.TEXT_HTML)
 *     public Response dashboard(@Context UriInfo uri) { ... session.get().identity() ... }
 * }
 * }</pre>
 */
package io.github.orysession.example.pages;
