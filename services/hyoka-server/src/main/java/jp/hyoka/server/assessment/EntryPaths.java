package jp.hyoka.server.assessment;

import java.util.ArrayList;
import java.util.List;

/** Entry paths as stored in the read models: entry ids, outermost first, joined by '/'; '' for none. */
public final class EntryPaths {

    private EntryPaths() {
    }

    public static String join(List<String> entries) {
        return String.join("/", entries);
    }

    public static List<String> split(String path) {
        return path == null || path.isEmpty() ? List.of() : List.of(path.split("/"));
    }

    public static String child(List<String> parent, String entryId) {
        List<String> path = new ArrayList<>(parent);
        path.add(entryId);
        return join(path);
    }
}
