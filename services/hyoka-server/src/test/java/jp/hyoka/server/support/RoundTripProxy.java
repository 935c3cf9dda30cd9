package jp.hyoka.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy between a server's connection pool and PostgreSQL that counts network round trips as they travel, not
 * JDBC calls: it reads the client's messages ({@link PostgresFrontend}) and ends a round trip where the client then
 * waits for PostgreSQL's answer — at each Sync and each Flush, and at a simple query other than the {@code BEGIN}
 * pgjdbc pipelines before a transaction's first statement. So an extra Describe and Sync, or a Flush, that pgjdbc
 * might send (an untyped parameter, a statement described first) is an extra round trip here. (Counting by the
 * direction of the bytes instead was fooled by that pipelined {@code BEGIN}: PostgreSQL answers it while the rest of
 * a large message sequence is still on its way.) A test gives the server {@link #url()} as its database URL and reads
 * {@link #transactionsSince(long)}.
 */
public final class RoundTripProxy implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)(/.*)$");

    /**
     * One round trip: what the client sent before it waited for PostgreSQL's answer.
     *
     * @param sequence   its place among every connection's round trips (for {@link #mark()})
     * @param connection which connection through the proxy it was sent on
     * @param statements the SQL of each statement executed (bound, or sent as a simple query), in order
     * @param syncs      1 if it ended with a Sync, else 0
     * @param flushes    1 if it ended with a Flush, else 0 (neither: it ended with a simple query)
     */
    public record RoundTrip(long sequence, int connection, List<String> statements, int syncs, int flushes) {

        /** Whether one of its statements is {@code sql} (compared without case and surrounding blanks). */
        public boolean runs(String sql) {
            return statements.stream().anyMatch(statement -> statement.trim().equalsIgnoreCase(sql));
        }

        /** Its statements, lower case, for assertions by substring. */
        public List<String> lowerCase() {
            return statements.stream().map(statement -> statement.toLowerCase(Locale.ROOT)).toList();
        }
    }

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final String rest;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Conversation> conversations = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private RoundTripProxy(String jdbcUrl) throws IOException {
        Matcher url = URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql://host:port/… URL: " + jdbcUrl);
        }
        host = url.group(1);
        port = Integer.parseInt(url.group(2));
        rest = url.group(3);
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "round-trip-proxy");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** A proxy in front of the PostgreSQL at {@code jdbcUrl}, accepting connections until closed. */
    public static RoundTripProxy before(String jdbcUrl) {
        try {
            return new RoundTripProxy(jdbcUrl);
        } catch (IOException e) {
            throw new IllegalStateException("no proxy for " + jdbcUrl, e);
        }
    }

    /** The same database's URL through this proxy. */
    public String url() {
        return "jdbc:postgresql://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort() + rest;
    }

    /** The round trips begun so far: a mark for {@link #transactionsSince}. */
    public long mark() {
        return sequence.get();
    }

    /**
     * The transactions whose {@code BEGIN} was sent after {@code mark} and that ended ({@code COMMIT} or
     * {@code ROLLBACK}), each as its round trips in order, from the one that sent the {@code BEGIN} to the one that
     * sent the end (pgjdbc sends a transaction's {@code BEGIN} with its first statement).
     */
    public List<List<RoundTrip>> transactionsSince(long mark) {
        List<List<RoundTrip>> transactions = new ArrayList<>();
        for (Conversation conversation : conversations) {
            List<RoundTrip> open = null;
            for (RoundTrip trip : conversation.trips()) {
                if (trip.sequence() > mark && trip.runs("BEGIN")) {
                    open = new ArrayList<>();
                }
                if (open != null) {
                    open.add(trip);
                    if (trip.runs("COMMIT") || trip.runs("ROLLBACK")) {
                        transactions.add(List.copyOf(open));
                        open = null;
                    }
                }
            }
        }
        transactions.sort((a, b) -> Long.compare(a.get(0).sequence(), b.get(0).sequence()));
        return transactions;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(host, port);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                Conversation conversation = new Conversation(connections.incrementAndGet(), sequence);
                conversations.add(conversation);
                pump("round-trip-proxy-c" + conversation.id, () -> clientToServer(conversation, client, server));
                pump("round-trip-proxy-s" + conversation.id, () -> serverToClient(server, client));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    throw new IllegalStateException("round-trip proxy failed to accept", e);
                }
            }
        }
    }

    private interface Pump {
        void run() throws IOException;
    }

    private void pump(String name, Pump pump) {
        Thread thread = new Thread(() -> {
            try {
                pump.run();
            } catch (IOException e) {
                // the connection closed: nothing more to count
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void clientToServer(Conversation conversation, Socket client, Socket server) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = server.getOutputStream();
        byte[] buffer = new byte[65_536];
        try (client; server) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                conversation.sent(buffer, read);
                out.write(buffer, 0, read);
                out.flush();
            }
        }
    }

    private static void serverToClient(Socket server, Socket client) throws IOException {
        InputStream in = server.getInputStream();
        OutputStream out = client.getOutputStream();
        byte[] buffer = new byte[65_536];
        try (client; server) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** One connection through the proxy: its round trips, and the client's messages read so far. */
    private static final class Conversation {

        private final int id;
        private final AtomicLong sequence;
        private final PostgresFrontend frontend = new PostgresFrontend();
        private final List<RoundTrip> trips = new ArrayList<>();
        private final List<String> statements = new ArrayList<>();
        private int syncs;
        private int flushes;
        private long tripSequence;

        Conversation(int id, AtomicLong sequence) {
            this.id = id;
            this.sequence = sequence;
        }

        synchronized void sent(byte[] bytes, int length) {
            frontend.read(bytes, length, new PostgresFrontend.Messages() {
                @Override
                public void executed(String sql) {
                    add(sql);
                }

                @Override
                public void simpleQuery(String sql) {
                    add(sql);
                    if (!sql.trim().equalsIgnoreCase("BEGIN")) {
                        endTrip();                      // answered at once, and waited for unless pipelined
                    }
                }

                @Override
                public void synced() {
                    syncs++;
                    endTrip();
                }

                @Override
                public void flushed() {
                    flushes++;
                    endTrip();
                }
            });
        }

        private void add(String sql) {
            if (statements.isEmpty() && syncs == 0 && flushes == 0) {
                tripSequence = sequence.incrementAndGet();
            }
            statements.add(sql);
        }

        private void endTrip() {
            if (statements.isEmpty()) {
                tripSequence = sequence.incrementAndGet();
            }
            trips.add(new RoundTrip(tripSequence, id, List.copyOf(statements), syncs, flushes));
            statements.clear();
            syncs = 0;
            flushes = 0;
        }

        /** Its round trips so far (the messages sent after the last of them are not one yet). */
        synchronized List<RoundTrip> trips() {
            return List.copyOf(trips);
        }
    }
}
