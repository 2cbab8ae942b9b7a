package io.github.orysession.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.github.orysession.InvalidRequestException;

class PageRequestTest {

    @Test
    void sizesOutOfRangeAreRefused() {
        for (int size : new int[] {0, -1, 1001}) {
            assertThatThrownBy(() -> PageRequest.first(size)).as("size %s", size)
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo("invalid_page_size"));
        }
        assertThat(PageRequest.first(1).pageSize()).isEqualTo(1);
        assertThat(PageRequest.first(1000).pageSize()).isEqualTo(1000);
    }

    @Test
    void onlyTokensTheLibraryHandsOutAreAccepted() {
        for (String token : new String[] {"0", "-2", "abc", "2&page=9", "12345678", "eyJvZmZzZXQiOiIyIiwidiI6Mn0"}) {
            assertThatThrownBy(() -> PageRequest.of(10, token)).as("token %s", token)
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo("invalid_page_token"));
        }
        assertThat(PageRequest.of(10, " ").pageTokenIfAny()).as("blank is the first page").isEmpty();
        assertThat(PageRequest.of(10, "3").pageNumber()).isEqualTo(3);
    }
}
