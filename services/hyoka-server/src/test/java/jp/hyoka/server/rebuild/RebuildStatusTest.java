package jp.hyoka.server.rebuild;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildStatusTest {

    @Test
    void givenPositions_whenPercentIsComputed_thenItIsRoundedDownToOneDecimalAndFullAtTheHead() {
        assertThat(RebuildStatus.percent(0, 634)).isEqualTo(0.0);
        assertThat(RebuildStatus.percent(500, 634)).isEqualTo(78.8);
        assertThat(RebuildStatus.percent(633, 634)).isEqualTo(99.8);
        assertThat(RebuildStatus.percent(634, 634)).isEqualTo(100.0);
    }

    @Test
    void givenAnEmptyEventStore_whenPercentIsComputed_thenNothingIsLeftToDo() {
        assertThat(RebuildStatus.percent(0, 0)).isEqualTo(100.0);
    }
}
