package jp.hyoka.server.graphql;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import jp.hyoka.server.database.ClasspathFolder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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

    /** The SDL files in the schema's resource folder. */
    private static List<String> files() {
        return ClasspathFolder.files(GraphQlFactory.SDL_ROOT, ".graphqls");
    }
}
