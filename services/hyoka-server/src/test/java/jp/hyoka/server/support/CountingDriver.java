package jp.hyoka.server.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:counting:postgresql://…} URLs that hands out the PostgreSQL driver's connections
 * and records every round trip a thread makes on them: each statement executed (its SQL, and how many rows the
 * caller then read from its results) and each commit or rollback. A test gives the server {@link #url(String)} as
 * its database URL and reads {@link #since(int)}.
 */
public final class CountingDriver implements Driver {

    private static final String PREFIX = "jdbc:counting:";
    private static final ConcurrentLinkedQueue<RoundTrip> TRIPS = new ConcurrentLinkedQueue<>();

    /**
     * One statement, commit or rollback sent to the database, the thread that sent it, and the rows read from the
     * statement's results after it (every {@code ResultSet.next()} that found a row, until the next execution).
     */
    public record RoundTrip(String thread, String sql, AtomicInteger rows) {
        RoundTrip(String thread, String sql) {
            this(thread, sql, new AtomicInteger());
        }

        /** The rows the caller read from this execution's results. */
        public int rowsRead() {
            return rows.get();
        }
    }

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code jdbcUrl} through this driver (registers it). */
    public static String url(String jdbcUrl) {
        return PREFIX + jdbcUrl.substring("jdbc:".length());
    }

    /** A server's {@code properties} with its database URL through this driver (a copy). */
    public static Map<String, String> counting(Map<String, String> properties) {
        Map<String, String> counted = new HashMap<>(properties);
        counted.put("hyoka.database.url", url(properties.get("hyoka.database.url")));
        return counted;
    }

    /** How many round trips were recorded so far: a mark for {@link #since(int)}. */
    public static int mark() {
        return TRIPS.size();
    }

    /** The round trips recorded after {@code mark}, in order. */
    public static List<RoundTrip> since(int mark) {
        List<RoundTrip> all = new ArrayList<>(TRIPS);
        return List.copyOf(all.subList(Math.min(mark, all.size()), all.size()));
    }

    /** The round trips the calling thread made after {@code mark}, in order. */
    public static List<RoundTrip> sinceOnThisThread(int mark) {
        String thread = Thread.currentThread().getName();
        return since(mark).stream().filter(trip -> trip.thread().equals(thread)).toList();
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return proxy(Connection.class, real, (method, args) -> {
            if (method.getName().equals("commit") || method.getName().equals("rollback")) {
                record(method.getName().toUpperCase(java.util.Locale.ROOT));
            }
        }, (method, result, args) -> {
            if (result instanceof PreparedStatement statement && method.getName().startsWith("prepare")) {
                return statement(PreparedStatement.class, statement, (String) args[0]);
            }
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                return statement(Statement.class, statement, null);
            }
            return result;
        });
    }

    private static <T extends Statement> T statement(Class<T> type, T real, String prepared) {
        RoundTrip[] last = new RoundTrip[1];
        return proxy(type, real, (method, args) -> {
            if (method.getName().startsWith("execute")) {
                last[0] = record(prepared != null ? prepared
                        : args != null && args.length > 0 ? String.valueOf(args[0]) : "?");
            }
        }, (method, result, args) -> {
            if (result instanceof ResultSet rows && last[0] != null) {
                RoundTrip trip = last[0];
                return proxy(ResultSet.class, rows, (m, a) -> {
                }, (m, found, a) -> {
                    if (m.getName().equals("next") && Boolean.TRUE.equals(found)) {
                        trip.rows().incrementAndGet();
                    }
                    return found;
                });
            }
            return result;
        });
    }

    private static RoundTrip record(String sql) {
        RoundTrip trip = new RoundTrip(Thread.currentThread().getName(), sql);
        TRIPS.add(trip);
        return trip;
    }

    private interface Before {
        void see(Method method, Object[] args);
    }

    private interface After {
        Object wrap(Method method, Object result, Object[] args);
    }

    private static <T> T proxy(Class<T> type, T real, Before before, After after) {
        InvocationHandler handler = (self, method, args) -> {
            before.see(method, args);
            try {
                return after.wrap(method, method.invoke(real, args), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[]{type}, handler));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
