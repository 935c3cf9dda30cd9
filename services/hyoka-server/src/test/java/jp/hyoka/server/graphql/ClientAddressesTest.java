package jp.hyoka.server.graphql;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private static InetAddress at(String literal) {
        return ClientAddresses.literal(literal).orElseThrow();
    }

    @Test
    void givenNoTrustedProxy_whenAClientWritesXForwardedFor_thenItsConnectionsPeerIsTheCaller() {
        ClientAddresses addresses = new ClientAddresses(List.of());

        assertThat(addresses.resolve(at("198.51.100.7"), List.of("203.0.113.1"))).isEqualTo("198.51.100.7");
        assertThat(addresses.resolve(at("198.51.100.7"), List.of("203.0.113.2, 203.0.113.3"))).isEqualTo("198.51.100.7");
    }

    @Test
    void givenATrustedProxy_whenItForwards_thenTheRightMostHopThatIsNoTrustedProxyIsTheCaller() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8", "2001:db8::/32"));

        // the client wrote "1.2.3.4" itself; the proxy appended the address it saw
        assertThat(addresses.resolve(at("10.1.2.3"), List.of("1.2.3.4, 198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(addresses.resolve(at("10.1.2.3"), List.of("1.2.3.4", "198.51.100.7, 10.9.9.9")))
                .isEqualTo("198.51.100.7");
        assertThat(addresses.resolve(at("2001:db8::1"), List.of("2001:db9::5"))).isEqualTo("2001:db9:0:0:0:0:0:5");
        assertThat(addresses.resolve(at("10.1.2.3"), List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void givenAForwardedHopThatIsNoAddress_whenResolved_thenItIsNeverLookedUpAndTheHopBeforeItIsTheCaller() {
        ClientAddresses addresses = new ClientAddresses(List.of("10.0.0.0/8"));

        assertThat(addresses.resolve(at("10.1.2.3"), List.of("evil.example, unknown"))).isEqualTo("10.1.2.3");
        assertThat(ClientAddresses.literal("cafe")).as("hex letters alone are a name, not an address").isEmpty();
        assertThat(ClientAddresses.literal("256.1.1.1")).isEmpty();
        assertThat(ClientAddresses.literal("[::1]")).isPresent();
    }

    @Test
    void givenAMistypedProxyBlock_whenConfigured_thenTheServerRefusesToStart() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/40"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
    }
}
