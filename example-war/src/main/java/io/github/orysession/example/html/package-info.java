/**
 * HTML for the example's pages without a template engine: {@link io.github.orysession.example.html.Html} escapes every
 * value written into a page, {@link io.github.orysession.example.html.Layout} is the shell every page shares (one
 * inline stylesheet, whose hash the Content-Security-Policy names), and
 * {@link io.github.orysession.example.html.FlowForm} renders a Kratos self-service flow's UI nodes as forms that post
 * straight to Kratos.
 *
 * <pre>{@code
 * Html content = Blocks.card("Your identity", new Html().element("p", identity.email().orElse("")));
 * String page = Layout.page("/", Viewer.signedIn(email), "Dashboard", content);
 * }</pre>
 */
package io.github.orysession.example.html;
