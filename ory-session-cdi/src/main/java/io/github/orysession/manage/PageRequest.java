package io.github.orysession.manage;

import java.util.Optional;
import java.util.regex.Pattern;

import io.github.orysession.InvalidRequestException;

/**
 * Which page of a session list to get: its size, and the token of the page (none for the first page).
 * <p>
 * The token comes from {@link SessionPage#nextPage()} (or {@link SessionPage#nextPageToken()}, for a client that
 * asks for the next page later); callers treat it as opaque. The library does not hand out the {@code page_token}s
 * of Kratos's {@code Link} header because following them in Kratos v1.3.1 (and since, see
 * <a href="https://github.com/ory/kratos/issues/3883">ory/kratos#3883</a>) returns the first page twice and never
 * the last one: Kratos links 0-based page numbers but reads them 1-based. The library asks for Kratos's pages by
 * number itself ({@code page}, {@code per_page}), 1-based as Kratos reads them, and decides from
 * {@code X-Total-Count} whether there is another one.
 *
 * @param pageSize sessions per page, {@value #MIN_PAGE_SIZE} to {@value #MAX_PAGE_SIZE}
 * @param pageToken the page's token from the previous page, or {@code null} for the first page
 */
public record PageRequest(int pageSize, String pageToken) {

    /** Kratos's own default page size. */
    public static final int DEFAULT_PAGE_SIZE = 250;
    /** The smallest page. */
    public static final int MIN_PAGE_SIZE = 1;
    /** The largest page Kratos serves. */
    public static final int MAX_PAGE_SIZE = 1000;
    private static final Pattern TOKEN = Pattern.compile("[1-9][0-9]{0,6}");

    /**
     * Checks the values, so that nothing out of range is ever sent to Kratos.
     *
     * @throws InvalidRequestException ({@code 400}) for a size out of range or a token the library did not hand out
     */
    public PageRequest {
        if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("invalid_page_size",
                    "The page size must be between " + MIN_PAGE_SIZE + " and " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        if (pageToken != null && !TOKEN.matcher(pageToken).matches()) {
            throw new InvalidRequestException("invalid_page_token", "The page token is not one this library hands out");
        }
    }

    /** The first page, with Kratos's default size. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_PAGE_SIZE, null);
    }

    /**
     * @param pageSize sessions per page
     * @return the first page
     */
    public static PageRequest first(int pageSize) {
        return new PageRequest(pageSize, null);
    }

    /**
     * @param pageSize sessions per page
     * @param pageToken the token from the previous page, or {@code null} (or blank) for the first page
     * @return that page
     */
    public static PageRequest of(int pageSize, String pageToken) {
        return new PageRequest(pageSize, pageToken == null || pageToken.isBlank() ? null : pageToken);
    }

    /** The page token, absent for the first page. */
    public Optional<String> pageTokenIfAny() {
        return Optional.ofNullable(pageToken);
    }

    /** Which page this is, counting from 1. */
    public int pageNumber() {
        return pageToken == null ? 1 : Integer.parseInt(pageToken);
    }
}
