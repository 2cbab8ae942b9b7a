package io.github.orysession.example.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every value written into a page is escaped, in text and in attributes. */
class HtmlTest {

    @Test
    void textAndAttributeValuesAreEscaped() {
        String hostile = "<script>alert('x')</script>\"&";

        String html = new Html().open("a", "href", hostile, "title", "\" onmouseover=\"evil()").text(hostile).close("a").toString();

        assertThat(html).isEqualTo("<a href=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;\""
                + " title=\"&quot; onmouseover=&quot;evil()\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;</a>");
    }

    @Test
    void controlCharactersAreDroppedAndLineBreaksKept() {
        assertThat(Html.escape("a\u0000b\u0007c\td\ne\u0085f")).isEqualTo("abc\td\nef");
    }

    @Test
    void nullAttributesAreLeftOutAndOnlyTheFlagIsABooleanAttribute() {
        String html = new Html().open("input", "name", "n", "value", null, "required", Html.flag(true),
                "disabled", Html.flag(false), "title", "boolean").toString();

        assertThat(html).as("the text \"boolean\" is a value like any other; only the flag writes a bare attribute")
                .isEqualTo("<input name=\"n\" required title=\"boolean\">");
    }

    @Test
    void theLayoutEscapesTheViewerAndTitle() {
        String page = Layout.page("/app/", Viewer.signedIn("<b>me</b>"), "T<i>", new Html().text("x"));

        assertThat(page).startsWith("<!DOCTYPE html>").contains("&lt;b&gt;me&lt;/b&gt;").contains("<h1>T&lt;i&gt;</h1>")
                .doesNotContain("<b>me</b>").contains("action=\"/app/logout\"");
        assertThat(Layout.STYLE_HASH).as("the CSP hash of the one stylesheet").matches("'sha256-[A-Za-z0-9+/]{43}='");
        assertThat(page).contains("<style>" + Layout.STYLESHEET + "</style>");
    }
}
