package jp.hyoka.server.database;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageTest {

    @Test
    void givenRowsReadBackwardWithOneMore_whenPaged_thenTheyAreInListOrderAndAnEarlierPageIsKnown() {
        Page<Integer> page = Page.read(List.of(9, 8, 7), new PageRequest(2, Cursors.encode("10"), true),
                String::valueOf);

        assertThat(page.items()).extracting(Page.Cursored::item).containsExactly(8, 9);
        assertThat(page.hasPreviousPage()).isTrue();
        assertThat(page.hasNextPage()).as("a before cursor was given").isTrue();
        assertThat(Cursors.decode(page.startCursor())).contains("8");
        assertThat(Cursors.decode(page.endCursor())).contains("9");
    }

    @Test
    void givenTheLastRowsForward_whenPaged_thenNoNextPageAndAPreviousOneAfterACursor() {
        Page<Integer> page = Page.read(List.of(4, 5), new PageRequest(2, Cursors.encode("3"), false),
                String::valueOf);

        assertThat(page.items()).extracting(Page.Cursored::item).containsExactly(4, 5);
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.hasPreviousPage()).isTrue();
    }

    @Test
    void givenNoRows_whenPaged_thenNoCursors() {
        Page<Integer> page = Page.read(List.of(), new PageRequest(2, null, true), String::valueOf);

        assertThat(page.startCursor()).isNull();
        assertThat(page.endCursor()).isNull();
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.hasPreviousPage()).isFalse();
    }
}
