package jp.hyoka.server.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Anonymous callers are counted by address: IPv4 whole, IPv6 by its /64, never by a DNS lookup. */
class RequestQuotaTest {

    @Test
    void givenIpv6AddressesOfOneNetwork_whenKeyed_thenTheyShareOneBucket() {
        assertThat(AddressBuckets.key("2001:db8:1:2::1")).isEqualTo(AddressBuckets.key("2001:db8:1:2:ffff::9"))
                .isEqualTo("20010db800010002::/64");
        assertThat(AddressBuckets.key("2001:db8:1:3::1")).isNotEqualTo(AddressBuckets.key("2001:db8:1:2::1"));
    }

    @Test
    void givenIpv4AnUnknownOrANonLiteralAddress_whenKeyed_thenItIsTakenAsIs() {
        assertThat(AddressBuckets.key("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(AddressBuckets.key(null)).isEqualTo("unknown");
        assertThat(AddressBuckets.key("evil.example.jp")).isEqualTo("evil.example.jp");
    }

    @Test
    void givenOneAddressOverItsBurst_whenAnotherAsks_thenOnlyTheFirstIsRefused() {
        RequestQuota quota = new RequestQuota(0, 1, 100, 100, 0.001, 2);

        assertThat(quota.takeAnonymous("192.0.2.1")).isEmpty();
        assertThat(quota.takeAnonymous("192.0.2.1")).isEmpty();
        assertThat(quota.takeAnonymous("192.0.2.1")).isPresent();
        assertThat(quota.takeAnonymous("192.0.2.2")).isEmpty();
    }
}
