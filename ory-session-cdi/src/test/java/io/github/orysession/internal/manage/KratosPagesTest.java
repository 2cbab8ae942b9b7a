package io.github.orysession.internal.manage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.github.orysession.manage.PageRequest;
import io.github.orysession.manage.SessionFilter;

class KratosPagesTest {

    @Test
    void theFirstPageSendsNoPageNumberAndLaterOnesTheirOwn() {
        assertThat(KratosPages.page(PageRequest.first(5))).isNull();
        assertThat(KratosPages.page(PageRequest.of(5, "2"))).isEqualTo(2);
    }

    @Test
    void theNextPageFollowsTheTotal() {
        assertThat(KratosPages.next(PageRequest.first(2), 2, 5)).contains(PageRequest.of(2, "2"));
        assertThat(KratosPages.next(PageRequest.of(2, "2"), 2, 5)).contains(PageRequest.of(2, "3"));
        assertThat(KratosPages.next(PageRequest.of(2, "3"), 1, 5)).as("5 of 5").isEmpty();
        assertThat(KratosPages.next(PageRequest.first(2), 2, 4).isPresent()).isTrue();
        assertThat(KratosPages.next(PageRequest.of(2, "2"), 2, 4)).as("exactly full").isEmpty();
        assertThat(KratosPages.next(PageRequest.first(2), 0, 0)).isEmpty();
    }

    @Test
    void withoutATotalAFullPageMayHaveMore() {
        assertThat(KratosPages.next(PageRequest.first(2), 2, -1)).contains(PageRequest.of(2, "2"));
        assertThat(KratosPages.next(PageRequest.first(2), 1, -1)).isEmpty();
        assertThat(KratosPages.next(PageRequest.first(2), 0, -1)).isEmpty();
    }

    @Test
    void theFilterIsKratossActiveParameter() {
        assertThat(KratosPages.active(SessionFilter.ALL)).isNull();
        assertThat(KratosPages.active(SessionFilter.ACTIVE)).isTrue();
        assertThat(KratosPages.active(SessionFilter.INACTIVE)).isFalse();
    }
}
