package jp.hyoka.server.components;

import jakarta.inject.Singleton;
import jp.hyoka.domain.components.Brackets;
import jp.hyoka.domain.components.ComponentId;
import jp.hyoka.domain.components.PublishedComponent;
import jp.hyoka.domain.components.ComponentVersion;
import jp.hyoka.domain.components.ComponentVersionStatus;
import jp.hyoka.domain.components.Numbering;
import jp.hyoka.domain.components.RenderingOptions;
import jp.hyoka.domain.components.SharedComponent;
import jp.hyoka.domain.components.VersionContent;
import jp.hyoka.domain.importing.annex.SubmissionTiming;
import jp.hyoka.server.assessment.PublishedComponents;
import jp.hyoka.server.database.Cursors;
import jp.hyoka.server.database.Page;
import jp.hyoka.server.database.PageRequest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads of the shared-component catalogue (rm_shared_component, rm_shared_component_version). Platform rows, public
 * to every signed-in caller: no tenant scope, so they are read on the login role like the tenant registry.
 */
@Singleton
public class SharedComponentQueries implements PublishedComponents {

    private final DataSource dataSource;

    public SharedComponentQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<SharedComponent> find(String componentId) {
        return read("SELECT * FROM rm_shared_component WHERE component_id = ?", List.of(componentId))
                .stream().findFirst();
    }

    /**
     * In component-id order, the page {@code request} names; {@code family}, when not null, keeps only that
     * family's components.
     */
    public Page<SharedComponent> list(PageRequest request, String family) {
        List<String> conditions = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        if (request.cursor() != null) {
            conditions.add("component_id " + request.beyondAscending() + " ?");
            parameters.add(position(request.cursor()));
        }
        if (family != null) {
            conditions.add("family = ?");
            parameters.add(family);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<SharedComponent> rows = read("SELECT * FROM rm_shared_component" + where + " ORDER BY component_id "
                + request.ascending() + " LIMIT " + (request.size() + 1), parameters);
        return Page.read(rows, request, component -> component.id().value());
    }

    /** How many components the catalogue holds (of {@code family}, when not null). */
    public int count(String family) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT count(*) FROM rm_shared_component WHERE ?::text IS NULL OR family = ?")) {
            select.setString(1, family);
            select.setString(2, family);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every published version of every component, as documents receive them (what an import recognises). */
    @Override
    public List<PublishedComponent> published() {
        List<PublishedComponent> published = new ArrayList<>();
        for (SharedComponent component : read("SELECT * FROM rm_shared_component ORDER BY component_id", List.of())) {
            component.versions().forEach(version -> PublishedComponent.of(component, version.number())
                    .ifPresent(published::add));
        }
        return published;
    }

    /** The number of the component's events projected so far (0: not yet, or never registered). */
    public long revision(String componentId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT revision FROM rm_shared_component WHERE component_id = ?")) {
            select.setString(1, componentId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("shared-component revision read failed", e);
        }
    }

    private static String position(String after) {
        return Cursors.decode(after).filter(ComponentId::isWellFormed)
                .orElseThrow(() -> new IllegalArgumentException("after/before: not a cursor of this list"));
    }

    private List<SharedComponent> read(String sql, List<String> parameters) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Object[]> components = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setString(i + 1, parameters.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        components.put(row.getString("component_id"), new Object[]{row.getString("family"),
                                row.getString("name"), row.getString("issuer"), row.getString("fits")});
                    }
                }
            }
            if (components.isEmpty()) {
                return List.of();
            }
            Map<String, List<ComponentVersion>> versions = versions(connection, components.keySet());
            List<SharedComponent> result = new ArrayList<>();
            components.forEach((id, columns) -> result.add(new SharedComponent(new ComponentId(id),
                    (String) columns[0], (String) columns[1], (String) columns[2],
                    ComponentRows.fits((String) columns[3]), versions.getOrDefault(id, List.of()))));
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("shared-component read failed", e);
        }
    }

    private static Map<String, List<ComponentVersion>> versions(Connection connection, java.util.Set<String> ids)
            throws SQLException {
        Map<String, List<ComponentVersion>> versions = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT * FROM rm_shared_component_version WHERE component_id = ANY (?)
                ORDER BY component_id, version""")) {
            select.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    VersionContent content = new VersionContent(row.getString("text"),
                            row.getDate("effective_from").toLocalDate(), row.getString("note"),
                            SubmissionTiming.valueOf(row.getString("timing")), row.getString("explanation"),
                            ComponentRows.slots(row.getString("slots")),
                            new RenderingOptions(Numbering.valueOf(row.getString("numbering")),
                                    Brackets.valueOf(row.getString("brackets"))));
                    versions.computeIfAbsent(row.getString("component_id"), key -> new ArrayList<>())
                            .add(new ComponentVersion(row.getInt("version"), content,
                                    ComponentVersionStatus.valueOf(row.getString("status"))));
                }
            }
        }
        return versions;
    }
}
