package jp.hyoka.server.graphql;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The SDL files parsed ahead, on a thread of their own, while the start does its other work (configuration, the
 * Flyway migration, Axon): {@link #start()} is called by the server's main before the application context starts;
 * {@link GraphQlFactory} takes each file's result from here, or parses the file itself when nothing was started
 * (tests' contexts) or the parse ahead failed (then its own parse says why; an {@link Error} of the parse ahead is
 * thrown to the taker). Each result is taken once.
 */
final class SdlAhead {

    private static final Map<String, CompletableFuture<TypeDefinitionRegistry>> PARSED = new ConcurrentHashMap<>();

    private SdlAhead() {
    }

    /** Starts parsing every {@code .graphqls} file of the schema on a daemon thread. */
    static void start() {
        SchemaParser parser = new SchemaParser();
        start(files(), file -> parser.parse(GraphQlFactory.sdl(file)));
    }

    /** Starts parsing {@code files} with {@code parsing} on a daemon thread. */
    static void start(List<String> files, Function<String, TypeDefinitionRegistry> parsing) {
        files.forEach(file -> PARSED.put(file, new CompletableFuture<>()));
        Thread parsingThread = new Thread(() -> {
            for (String file : files) {
                CompletableFuture<TypeDefinitionRegistry> result = PARSED.get(file);
                try {
                    result.complete(parsing.apply(file));
                } catch (Throwable e) {
                    // Every failure, an Error too, goes to the file's joiner: a thread dying here would leave the
                    // rest of the files' results incomplete and their joins waiting forever.
                    result.completeExceptionally(e);
                }
            }
        }, "hyoka-sdl-parse");
        parsingThread.setDaemon(true);
        parsingThread.start();
    }

    /** Drops the results not taken (a test's start whose files no context asked for). */
    static void discard() {
        PARSED.clear();
    }

    /** The file parsed: ahead if it was, else now. */
    static TypeDefinitionRegistry parse(SchemaParser parser, String file) {
        CompletableFuture<TypeDefinitionRegistry> ahead = PARSED.remove(file);
        if (ahead != null) {
            try {
                return ahead.join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof Error error) {
                    throw error;
                }
                // parsed again below: the failure is reported by the start's own parse
            }
        }
        return parser.parse(GraphQlFactory.sdl(file));
    }

    /** The SDL files in the schema's resource folder (a jar's entries or a directory's files). */
    private static List<String> files() {
        URL root = SdlAhead.class.getClassLoader().getResource(GraphQlFactory.SDL_ROOT);
        if (root == null) {
            return List.of();
        }
        try {
            if (root.openConnection() instanceof JarURLConnection connection) {
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    return Collections.list(jar.entries()).stream().map(entry -> entry.getName())
                            .filter(name -> name.startsWith(GraphQlFactory.SDL_ROOT) && name.endsWith(".graphqls"))
                            .map(name -> name.substring(GraphQlFactory.SDL_ROOT.length()))
                            .filter(name -> !name.contains("/")).toList();
                }
            }
            try (Stream<Path> listing = Files.list(Path.of(root.toURI()))) {
                return listing.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".graphqls"))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
