package io.github.orysession.internal.manage;

import java.util.Optional;

import io.github.orysession.manage.PageRequest;
import io.github.orysession.manage.SessionFilter;

/**
 * How a {@link PageRequest} and a {@link SessionFilter} are asked of Kratos: pages by number, 1-based as Kratos
 * reads them (see {@link PageRequest} for why the library does not follow Kratos's {@code Link} header), and whether
 * there is a next page from {@code X-Total-Count}.
 */
final class KratosPages {

    private KratosPages() {
    }

    /** The {@code page} parameter for Kratos: none for the first page, which every Kratos serves without one. */
    static Integer page(PageRequest request) {
        return request.pageToken() == null ? null : request.pageNumber();
    }

    /** The {@code active} parameter: {@code null} for all sessions. */
    static Boolean active(SessionFilter filter) {
        return switch (filter) {
            case ALL -> null;
            case ACTIVE -> Boolean.TRUE;
            case INACTIVE -> Boolean.FALSE;
        };
    }

    /**
     * The page after this one, if there is one.
     *
     * @param request the page just asked for
     * @param returned how many sessions this page had
     * @param total Kratos's {@code X-Total-Count}, or {@code -1} when it did not send one; then a full page is taken
     *        to mean there may be more
     * @return the request for the next page
     */
    static Optional<PageRequest> next(PageRequest request, int returned, long total) {
        int number = request.pageNumber();
        boolean more = total >= 0 ? (long) number * request.pageSize() < total : returned >= request.pageSize();
        return more && returned > 0 ? Optional.of(new PageRequest(request.pageSize(), String.valueOf(number + 1)))
                : Optional.empty();
    }
}
