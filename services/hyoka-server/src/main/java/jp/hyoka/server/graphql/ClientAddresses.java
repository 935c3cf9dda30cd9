package jp.hyoka.server.graphql;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address an anonymous caller is counted under (its rate share and cost budget). Micronaut's own resolver takes
 * the first {@code X-Forwarded-For}/{@code Forwarded} value of any request when no header is configured, so a caller
 * sending a new value each time would get a fresh budget each time. Here forwarded headers are believed only when the
 * connection comes from a configured proxy ({@code hyoka.http.trusted-proxies}: addresses or CIDR blocks), and then
 * only their right-most hop that is not itself a trusted proxy (the left of a header is whatever the client wrote).
 * Only address literals count; anything else falls back to the hop that wrote it.
 */
@Singleton
public class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Block> trustedProxies;

    public ClientAddresses(@Value("${hyoka.http.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::trim).filter(block -> !block.isEmpty())
                .map(Block::parse).toList();
    }

    /** The caller's address as text, e.g. "203.0.113.7" or "2001:db8::1"; "unknown" without a connection address. */
    public String resolve(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        return peer == null ? "unknown" : resolve(peer, request.getHeaders().getAll("X-Forwarded-For"));
    }

    /** The caller behind {@code peer}, given the request's {@code X-Forwarded-For} headers in order. */
    String resolve(InetAddress peer, List<String> forwardedFor) {
        InetAddress client = peer;
        if (trusted(peer)) {
            List<String> hops = forwardedFor.stream()
                    .flatMap(header -> List.of(header.split(",")).stream()).map(String::trim).toList();
            for (int i = hops.size() - 1; i >= 0; i--) {
                Optional<InetAddress> hop = literal(hops.get(i));
                if (hop.isEmpty()) {
                    break;                          // not an address: the hop that wrote it is the last we can name
                }
                client = hop.get();
                if (!trusted(client)) {
                    break;
                }
            }
        }
        return client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(block -> block.contains(address));
    }

    /** An IPv4 or IPv6 literal, parsed without any name lookup; empty for anything else. */
    static Optional<InetAddress> literal(String text) {
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = IPV4.matcher(candidate).matches()
                && List.of(candidate.split("\\.")).stream().allMatch(part -> Integer.parseInt(part) <= 255);
        if (!ipv4 && !IPV6.matcher(candidate).matches()) {
            return Optional.empty();                // never handed to the resolver: no DNS on a request's path
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address block: an address and how many leading bits of it must match. */
    private record Block(byte[] network, int bits) {

        static Block parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress address = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                    "hyoka.http.trusted-proxies: not an address or CIDR block: " + text));
            int length = address.getAddress().length * 8;
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : length;
            if (bits < 0 || bits > length) {
                throw new IllegalArgumentException("hyoka.http.trusted-proxies: bad prefix length in " + text);
            }
            return new Block(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
