package jp.hyoka.server.security;

import jakarta.inject.Singleton;
import jp.hyoka.domain.platform.Municipality;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/** The municipalities registered on this installation; a token for any other code gets no access. */
@Singleton
public class Tenants {

    private final DataSource dataSource;
    /**
     * Every request resolves its caller's municipality; tenants are only ever added, so a municipality once found is
     * remembered. A miss still asks the database (another node may have registered it).
     */
    private final Map<MunicipalityCode, String> known = new ConcurrentHashMap<>();

    public Tenants(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> name(MunicipalityCode code) {
        String cached = known.get(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> stored = stored(code);
        stored.ifPresent(name -> known.put(code, name));
        return stored;
    }

    private Optional<String> stored(MunicipalityCode code) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT name FROM tenant WHERE municipality_code = ?")) {
            select.setString(1, code.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("tenant lookup failed", e);
        }
    }

    /** All registered municipalities by code, in code order (for platform operators). */
    public Map<MunicipalityCode, String> all() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT municipality_code, name FROM tenant ORDER BY municipality_code");
             ResultSet rows = select.executeQuery()) {
            Map<MunicipalityCode, String> all = new LinkedHashMap<>();
            while (rows.next()) {
                all.put(new MunicipalityCode(rows.getString(1)), rows.getString(2));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException("tenant listing failed", e);
        }
    }

    /** The municipality as the platform knows it, if it is registered. */
    public Optional<Municipality> municipality(MunicipalityCode code) {
        return name(code).map(name -> new Municipality(code, name));
    }

    /** Registers a municipality; registering it again changes nothing. */
    public void register(MunicipalityCode code, String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO tenant (municipality_code, name) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, code.value());
            insert.setString(2, name);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("tenant registration failed", e);
        }
    }
}
