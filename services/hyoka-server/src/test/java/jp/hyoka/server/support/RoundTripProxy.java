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
 * A TCP proxy between a server's connection pool and PostgreSQL that counts network round trips, not JDBC calls: a
 * round trip begins with the first bytes the client sends after PostgreSQL last answered on that connection (or at
 * its start), so whatever pgjdbc sends before it waits for an answer — one Sync, or a Describe and a Sync more — is
 * seen as it travels ({@link PostgresFrontend} reads the client's messages: the statements bound and executed, the
 * Syncs and Flushes). A test gives the server {@link #url()} as its database URL and reads
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
     * @param syncs      Sync messages (each makes PostgreSQL answer) and simple queries sent in it
     * @param flushes    Flush messages sent in it (a client waiting after one makes a round trip without a Sync)
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
                Conversation conversation = new Conversation(connections.incrementAndGet());
                conversations.add(conversation);
                pump("round-trip-proxy-c" + conversation.id, () -> clientToServer(conversation, client, server));
                pump("round-trip-proxy-s" + conversation.id, () -> serverToClient(conversation, server, client));
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
                conversation.sent(buffer, read, sequence);
                out.write(buffer, 0, read);
                out.flush();
            }
        }
    }

    private static void serverToClient(Conversation conversation, Socket server, Socket client) throws IOException {
        InputStream in = server.getInputStream();
        OutputStream out = client.getOutputStream();
        byte[] buffer = new byte[65_536];
        try (client; server) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                conversation.answered();          // before the client can see the answer and send again
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
        private final PostgresFrontend frontend = new PostgresFrontend();
        private final List<RoundTrip> trips = new ArrayList<>();
        private boolean answered = true;
        private long tripSequence;
        private List<String> statements;
        private int syncs;
        private int flushes;

        Conversation(int id) {
            this.id = id;
        }

        synchronized void sent(byte[] bytes, int length, AtomicLong sequence) {
            if (answered) {
                closeTrip();
                answered = false;
                tripSequence = sequence.incrementAndGet();
                statements = new ArrayList<>();
                syncs = 0;
                flushes = 0;
            }
            frontend.read(bytes, length, new PostgresFrontend.Messages() {
                @Override
                public void executed(String sql) {
                    statements.add(sql);
                }

                @Override
                public void synced() {
                    syncs++;
                }

                @Override
                public void flushed() {
                    flushes++;
                }
            });
        }

        synchronized void answered() {
            answered = true;
        }

        private void closeTrip() {
            if (statements != null) {
                trips.add(new RoundTrip(tripSequence, id, List.copyOf(statements), syncs, flushes));
                statements = null;
            }
        }

        /** Its round trips so far, the one still waiting for an answer included. */
        synchronized List<RoundTrip> trips() {
            List<RoundTrip> all = new ArrayList<>(trips);
            if (statements != null) {
                all.add(new RoundTrip(tripSequence, id, List.copyOf(statements), syncs, flushes));
            }
            return all;
        }
    }
}
