package io.github.orysession.internal.manage;

import java.net.http.HttpResponse;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

/**
 * Kratos's answer to one management call, read completely: its status, body and the headers the library looks at.
 * The calls go through two HTTP clients (see {@link KratosHttp}), and this is what both give.
 *
 * @param status the HTTP status
 * @param body the body, empty when there was none
 * @param retryAfter the {@code Retry-After} header, or {@code null}
 * @param totalCount the {@code X-Total-Count} header, or {@code null}
 */
record KratosAnswer(int status, String body, String retryAfter, String totalCount) {

    /**
     * Reads and closes a REST client's answer.
     *
     * @param response the answer
     * @return the answer, read
     * @throws ProcessingException when the body cannot be read (the connection broke, a timeout)
     */
    static KratosAnswer of(Response response) {
        try (response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            return new KratosAnswer(response.getStatus(), body == null ? "" : body,
                    response.getHeaderString("Retry-After"), response.getHeaderString("X-Total-Count"));
        }
    }

    /**
     * @param response a JDK HTTP client's answer
     * @return the answer
     */
    static KratosAnswer of(HttpResponse<String> response) {
        return new KratosAnswer(response.statusCode(), response.body() == null ? "" : response.body(),
                response.headers().firstValue("Retry-After").orElse(null),
                response.headers().firstValue("X-Total-Count").orElse(null));
    }

    /**
     * Kratos's {@code X-Total-Count}: how many sessions the whole list has.
     *
     * @return the count, or {@code -1} when absent or not a number
     */
    long total() {
        try {
            return totalCount == null ? -1 : Math.max(-1, Long.parseLong(totalCount.trim()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
