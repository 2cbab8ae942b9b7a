package io.github.orysession.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Browser navigation or API call, from what real browsers, XHR, {@code fetch()} and native clients send. */
class RequestKindTest {

    private static final String CHROME_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("Chrome navigating", "GET", RequestKind.BROWSER,
                        List.of("Accept", CHROME_ACCEPT, "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document")),
                Arguments.of("a browser without Sec-Fetch headers", "GET", RequestKind.BROWSER, List.of("Accept", CHROME_ACCEPT)),
                Arguments.of("HEAD navigation", "HEAD", RequestKind.BROWSER, List.of("Accept", "text/html")),
                Arguments.of("XHTML only", "GET", RequestKind.BROWSER, List.of("Accept", "application/xhtml+xml")),
                Arguments.of("media type case", "GET", RequestKind.BROWSER, List.of("Accept", "TEXT/HTML")),
                Arguments.of("navigation into an iframe", "GET", RequestKind.BROWSER,
                        List.of("Accept", "text/html", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "iframe")),
                Arguments.of("Accept over two header lines", "GET", RequestKind.BROWSER,
                        List.of("Accept", "application/json", "Accept", "text/html")),
                Arguments.of("a form POST", "POST", RequestKind.API, List.of("Accept", CHROME_ACCEPT, "Sec-Fetch-Mode", "navigate")),
                Arguments.of("DELETE", "DELETE", RequestKind.API, List.of("Accept", "text/html")),
                Arguments.of("JSON client", "GET", RequestKind.API, List.of("Accept", "application/json")),
                Arguments.of("fetch() default Accept", "GET", RequestKind.API, List.of("Accept", "*/*")),
                Arguments.of("no Accept", "GET", RequestKind.API, List.of()),
                Arguments.of("HTML refused with q=0", "GET", RequestKind.API, List.of("Accept", "text/html;q=0, application/json")),
                Arguments.of("HTML with a broken quality", "GET", RequestKind.API, List.of("Accept", "text/html;q=x")),
                Arguments.of("jQuery XHR", "GET", RequestKind.API,
                        List.of("Accept", CHROME_ACCEPT, "X-Requested-With", "XMLHttpRequest")),
                Arguments.of("fetch() asking for HTML", "GET", RequestKind.API,
                        List.of("Accept", "text/html", "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "empty")),
                Arguments.of("same-origin fetch()", "GET", RequestKind.API, List.of("Accept", "text/html", "Sec-Fetch-Mode", "same-origin")),
                Arguments.of("navigate mode, but an image", "GET", RequestKind.API,
                        List.of("Accept", "text/html", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "image")),
                Arguments.of("native app with a session token", "GET", RequestKind.API,
                        List.of("Accept", "text/html", "X-Session-Token", "ory_st_x")),
                Arguments.of("bearer token", "GET", RequestKind.API, List.of("Accept", "text/html", "Authorization", "Bearer ory_st_x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void kinds(String who, String method, RequestKind expected, List<String> headerPairs) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < headerPairs.size(); i += 2) {
            headers.computeIfAbsent(headerPairs.get(i), name -> new ArrayList<>()).add(headerPairs.get(i + 1));
        }

        assertThat(RequestKind.classify(method, headers::get)).as("%s: %s %s", who, method, headers).isEqualTo(expected);
        assertThat(RequestKind.classify(method.toLowerCase(Locale.ROOT), headers::get))
                .as("%s, method in lower case", who).isEqualTo(expected);
    }
}
