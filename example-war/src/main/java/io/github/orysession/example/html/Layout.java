package io.github.orysession.example.html;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page shell every page of the example shares: the document head with the one inline stylesheet, a header with
 * the user's email and a log-out button (or "Sign in" and "Register"), the navigation, the page's title and content.
 * The stylesheet's SHA-256 is {@link #STYLE_HASH}, so the Content-Security-Policy can allow exactly it and no other
 * inline style or script.
 */
public final class Layout {

    /** The one stylesheet, inline: no request for a static file, and the CSP names its hash. */
    static final String STYLESHEET = """
            :root{--ink:#1f2430;--muted:#5d6473;--line:#dfe3ea;--bg:#f5f7fa;--card:#fff;--accent:#3056d3;\
            --danger:#b42318;--ok:#067647;--info:#175cd3}
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
            a{color:var(--accent)}
            header.top{background:var(--card);border-bottom:1px solid var(--line)}
            .bar{max-width:60rem;margin:0 auto;padding:.75rem 1.25rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
            .brand{font-weight:700;text-decoration:none;color:var(--ink)}
            nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;flex:1 1 22rem}
            nav a{text-decoration:none;color:var(--muted)}
            nav a:hover{color:var(--accent)}
            .who{display:flex;gap:.75rem;align-items:center;color:var(--muted);min-width:0}
            .who .mono{max-width:22rem;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
            main{max-width:60rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
            h1{font-size:1.6rem;margin:.25rem 0 1rem}
            h2{font-size:1.15rem;margin:0 0 .75rem}
            .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1.25rem;margin:0 0 1rem}
            .narrow{max-width:26rem}
            .lead{color:var(--muted);margin-top:0}
            table{width:100%;border-collapse:collapse}
            th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
            th{color:var(--muted);font-weight:600;white-space:nowrap}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:0}
            dl.facts dt{color:var(--muted)}
            dl.facts dd{margin:0;overflow-wrap:anywhere}
            code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
            label{display:block;margin:0 0 .9rem;font-weight:600}
            label input{display:block;width:100%;margin-top:.3rem;font:inherit;font-weight:400;padding:.5rem .6rem;\
            border:1px solid var(--line);border-radius:6px}
            label.check{display:flex;gap:.5rem;align-items:center;font-weight:400}
            label.check input{width:auto;margin:0}
            button,.button{display:inline-block;font:inherit;font-weight:600;padding:.5rem 1rem;border-radius:6px;\
            border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;white-space:nowrap}
            button.secondary,.button.secondary{background:var(--card);color:var(--accent)}
            button.danger{background:var(--card);color:var(--danger);border-color:var(--danger)}
            button.link{background:none;border:none;color:var(--accent);padding:0;font-weight:400;text-decoration:underline}
            form.inline{display:inline}
            .actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0 1rem}
            .msg{border-radius:8px;padding:.6rem .85rem;margin:0 0 1rem;border:1px solid}
            .msg.error{color:var(--danger);background:#fef3f2;border-color:#fecdca}
            .msg.success{color:var(--ok);background:#ecfdf3;border-color:#abefc6}
            .msg.info{color:var(--info);background:#eff8ff;border-color:#b2ddff}
            .field-msg{font-weight:400;font-size:.9rem;margin:.25rem 0 0}
            .field-msg.error{color:var(--danger)}
            .badge{display:inline-block;padding:0 .5rem;border-radius:999px;background:#eef2ff;color:var(--accent);\
            font-size:.85rem;font-weight:600;white-space:nowrap}
            .secret{display:block;padding:.5rem .6rem;background:var(--bg);border:1px dashed var(--line);border-radius:6px}
            img.qr{display:block;max-width:100%;height:auto;margin:.5rem 0 1rem;image-rendering:pixelated;border:1px solid var(--line);border-radius:6px}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem;align-items:start}
            footer{max-width:60rem;margin:0 auto;padding:0 1.25rem 2rem;color:var(--muted);font-size:.85rem}
            """;

    /** {@code 'sha256-...'} of {@link #STYLESHEET}, for the Content-Security-Policy's {@code style-src}. */
    public static final String STYLE_HASH = "'sha256-" + sha256(STYLESHEET) + "'";

    private Layout() {
    }

    /**
     * A whole page.
     *
     * @param basePath the application's path with a trailing slash, such as {@code /} or {@code /example/}
     * @param viewer who is looking
     * @param title the page title, also its heading
     * @param content the page's content
     * @return the HTML document
     */
    public static String page(String basePath, Viewer viewer, String title, Html content) {
        Html page = new Html().trusted("<!DOCTYPE html>")
                .open("html", "lang", "en")
                .open("head")
                .open("meta", "charset", "utf-8")
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", title + " · Ory session example")
                .append(style())
                .close("head")
                .open("body")
                .append(header(basePath, viewer))
                .open("main");
        if (viewer.kratosUnavailable()) {
            page.append(Blocks.message("error", "Kratos did not answer, so this page cannot tell whether you are "
                    + "signed in. Try again in a few seconds."));
        }
        return page.element("h1", title)
                .append(content)
                .close("main")
                .open("footer")
                .text("Ory session example: Jakarta EE pages on Ory Kratos sessions. The JSON API is under ")
                .element("code", basePath + "api/")
                .text(".")
                .close("footer")
                .close("body")
                .close("html")
                .toString();
    }

    private static Html header(String basePath, Viewer viewer) {
        Html header = new Html().open("header", "class", "top").open("div", "class", "bar")
                .element("a", "Ory session example", "class", "brand", "href", basePath)
                .open("nav")
                .element("a", "Dashboard", "href", basePath + "dashboard")
                .element("a", "Sessions", "href", basePath + "sessions")
                .element("a", "Settings", "href", basePath + "settings")
                .element("a", "Second factor", "href", basePath + "secure")
                .close("nav")
                .open("div", "class", "who");
        if (viewer.isSignedIn()) {
            header.element("span", viewer.name(), "class", "mono")
                    .append(Blocks.postButton(basePath + "logout", "Log out", "secondary"));
        } else {
            header.element("a", "Sign in", "href", basePath + "login")
                    .element("a", "Register", "class", "button", "href", basePath + "registration");
        }
        return header.close("div").close("div").close("header");
    }

    private static Html style() {
        return new Html().open("style").trusted(STYLESHEET).close("style");
    }

    private static String sha256(String value) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
