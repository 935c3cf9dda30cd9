package jp.hyoka.server.axon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateCacheTest {

    @Test
    void givenAKeptAggregate_whenTheCollectorTookItsValueBack_thenItIsNeitherKeptNorTrustedAndCanBeKeptAgain() {
        AggregateCache cache = new AggregateCache(8);
        cache.put("a", "state of a");
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.trusted("a")).isTrue();

        cache.valuesCollected();

        assertThat(cache.<String, Object>get("a")).isNull();
        assertThat(cache.containsKey("a")).isFalse();
        assertThat(cache.trusted("a")).isFalse();
        assertThat(cache.putIfAbsent("a", "state of a, loaded again")).isTrue();
        assertThat(cache.<String, Object>get("a")).isEqualTo("state of a, loaded again");
    }

    @Test
    void givenMoreAggregatesThanItsCapacity_whenKept_thenTheLeastRecentlyUsedIsDropped() {
        AggregateCache cache = new AggregateCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");

        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }

    @Test
    void givenAnAppendAnnouncedAfterTheLoadBegan_whenTheCopyIsKept_thenItIsNotTrusted() {
        AggregateCache cache = new AggregateCache(8);
        cache.loading();
        cache.appendedElsewhere();                          // between the read and the save

        cache.put("a", "read before the announcement");

        assertThat(cache.trusted("a")).isFalse();
    }
}
