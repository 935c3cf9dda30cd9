package jp.hyoka.server.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The files of one resource folder of the class path (a jar's entries or a directory's files), by name. */
public final class ClasspathFolder {

    private ClasspathFolder() {
    }

    /** The names of the files directly in {@code folder} (e.g. {@code "db/migration/"}) that end with {@code suffix}. */
    public static List<String> files(String folder, String suffix) {
        URL root = ClasspathFolder.class.getClassLoader().getResource(folder);
        if (root == null) {
            return List.of();
        }
        try {
            if (root.openConnection() instanceof JarURLConnection connection) {
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    return Collections.list(jar.entries()).stream().map(entry -> entry.getName())
                            .filter(name -> name.startsWith(folder) && name.endsWith(suffix))
                            .map(name -> name.substring(folder.length()))
                            .filter(name -> !name.contains("/")).toList();
                }
            }
            try (Stream<Path> listing = Files.list(Path.of(root.toURI()))) {
                return listing.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(suffix))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text (UTF-8) of the resource {@code path}. */
    public static String text(String path) {
        try (InputStream in = ClasspathFolder.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
