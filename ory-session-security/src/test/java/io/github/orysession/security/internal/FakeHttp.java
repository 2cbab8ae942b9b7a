package io.github.orysession.security.internal;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The servlet and Jakarta Security objects the mechanism talks to, as small recording fakes made with
 * {@link Proxy}: only the methods the mechanism is expected to call answer; any other call fails the test.
 */
final class FakeHttp {

    private FakeHttp() {
    }

    /** A request: method, URL, path inside the application {@code /example}, headers. */
    static final class Request {
        final String method;
        final String path;
        final String query;
        final Map<String, List<String>> headers = new LinkedHashMap<>();

        Request(String method, String path, String query) {
            this.method = method;
            this.path = path;
            this.query = query;
        }

        static Request get(String path) {
            return new Request("GET", path, null);
        }

        Request header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
            return this;
        }

        /** What a browser sends when a person navigates to the page. */
        Request asBrowserNavigation() {
            return header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                    .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document");
        }

        HttpServletRequest proxy() {
            return fake(HttpServletRequest.class, (self, m, args) -> switch (m.getName()) {
                case "getMethod" -> method;
                case "getServletPath" -> path;
                case "getPathInfo" -> null;
                case "getContextPath" -> "/example";
                case "getRequestURI" -> "/example" + path;
                case "getRequestURL" -> new StringBuffer("http://app.example.com/example" + path);
                case "getQueryString" -> query;
                case "getHeaders" -> Collections.enumeration(headers.getOrDefault(((String) args[0]).toLowerCase(Locale.ROOT), List.of()));
                default -> throw new UnsupportedOperationException("HttpServletRequest." + m.getName());
            });
        }
    }

    /** A response that records what was written. */
    static final class Response {
        int status = 200;
        final Map<String, String> headers = new LinkedHashMap<>();
        String contentType;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean committed;

        String body() {
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return fake(HttpServletResponse.class, (self, m, args) -> switch (m.getName()) {
                case "resetBuffer" -> {
                    body.reset();
                    yield null;
                }
                case "setStatus" -> {
                    status = (Integer) args[0];
                    yield null;
                }
                case "setHeader" -> {
                    headers.put((String) args[0], (String) args[1]);
                    yield null;
                }
                case "setContentType" -> {
                    contentType = (String) args[0];
                    yield null;
                }
                case "setContentLength" -> null;
                case "getOutputStream" -> out;
                case "flushBuffer" -> {
                    committed = true;
                    yield null;
                }
                default -> throw new UnsupportedOperationException("HttpServletResponse." + m.getName());
            });
        }
    }

    /** Jakarta Security's view of the exchange: whether the resource is protected, and what the mechanism told it. */
    static final class MessageContext {
        boolean isProtected;
        boolean authenticationRequest;
        Principal principal;
        Set<String> groups;
        boolean didNothing;

        MessageContext protectedResource() {
            isProtected = true;
            return this;
        }

        HttpMessageContext proxy() {
            return fake(HttpMessageContext.class, (self, m, args) -> switch (m.getName()) {
                case "isProtected" -> isProtected;
                case "isAuthenticationRequest" -> authenticationRequest;
                case "doNothing" -> {
                    didNothing = true;
                    yield AuthenticationStatus.NOT_DONE;
                }
                case "notifyContainerAboutLogin" -> {
                    if (args.length != 2 || !(args[0] instanceof Principal)) {
                        throw new UnsupportedOperationException("notifyContainerAboutLogin with " + args.length + " arguments");
                    }
                    principal = (Principal) args[0];
                    @SuppressWarnings("unchecked")
                    Set<String> given = (Set<String>) args[1];
                    groups = given;
                    yield AuthenticationStatus.SUCCESS;
                }
                default -> throw new UnsupportedOperationException("HttpMessageContext." + m.getName());
            });
        }
    }

    private static <T> T fake(Class<T> type, InvocationHandler handler) {
        InvocationHandler guarded = (self, method, args) -> switch (method.getName()) {
            case "toString" -> "fake " + type.getSimpleName();
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> handler.invoke(self, method, args);
        };
        return type.cast(Proxy.newProxyInstance(FakeHttp.class.getClassLoader(), new Class<?>[] {type}, guarded));
    }
}
