package jp.hyoka.server.graphql;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The acknowledged WebSocket connections each signed-in user holds open on this node, at most
 * {@code hyoka.subscriptions.max-sockets-per-user} (10): one browser tab needs one, so a user past the cap is a
 * client that leaks sockets (or a script), and each socket holds memory and a keep-alive timer.
 */
final class SocketsPerUser {

    private final int max;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    SocketsPerUser(int max) {
        this.max = max;
    }

    int max() {
        return max;
    }

    /** Counts one more socket of {@code user}; false (nothing counted) when the user already holds {@link #max}. */
    boolean open(String user) {
        boolean[] admitted = {false};
        open.compute(user, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            admitted[0] = true;
            return now + 1;
        });
        return admitted[0];
    }

    /** One socket of {@code user} closed (call once per successful {@link #open}). */
    void closed(String user) {
        open.computeIfPresent(user, (key, count) -> count <= 1 ? null : count - 1);
    }

    /** How many sockets {@code user} holds open (tests). */
    int held(String user) {
        return open.getOrDefault(user, 0);
    }
}
