package io.github.orysession.manage;

import java.util.List;
import java.util.Optional;

import io.github.orysession.model.Session;

/**
 * One page of a session list, newest session first (Kratos's order).
 *
 * <pre>{@code
 * PageRequest request = PageRequest.first(50);
 * while (request != null) {
 *     SessionPage page = mySessions.listOthers(request);
 *     page.sessions().forEach(this::show);
 *     request = page.nextPage().orElse(null);
 * }
 * }</pre>
 *
 * @param sessions the sessions on this page
 * @param nextPage the request for the next page, or empty on the last page
 */
public record SessionPage(List<Session> sessions, Optional<PageRequest> nextPage) {

    /** Copies the list and normalises an absent next page. */
    public SessionPage {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        nextPage = nextPage == null ? Optional.empty() : nextPage;
    }

    /** Whether there is a page after this one. */
    public boolean hasNextPage() {
        return nextPage.isPresent();
    }

    /** The next page's token, to hand to a client that asks for it later; empty on the last page. */
    public Optional<String> nextPageToken() {
        return nextPage.map(PageRequest::pageToken);
    }
}
