package jp.hyoka.server.database;

/**
 * Which page of a keyset-paginated list to read: {@code size} rows after {@code cursor} (forward: first/after) or
 * before it (backward: last/before); a null cursor starts at the list's beginning or, backward, at its end.
 */
public record PageRequest(int size, String cursor, boolean backward) {

    /** The SQL comparison that keeps rows beyond the cursor in reading direction, for an ascending list. */
    public String beyondAscending() {
        return backward ? "<" : ">";
    }

    /** The same for a descending list (newest first). */
    public String beyondDescending() {
        return backward ? ">" : "<";
    }

    /** The ORDER BY direction to read an ascending list in. */
    public String ascending() {
        return backward ? "DESC" : "ASC";
    }

    /** The ORDER BY direction to read a descending list in. */
    public String descending() {
        return backward ? "ASC" : "DESC";
    }
}
