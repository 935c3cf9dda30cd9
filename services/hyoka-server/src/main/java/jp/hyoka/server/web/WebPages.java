package jp.hyoka.server.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages of hyoka-web (services/hyoka-web), each at a path of its own: GraphiQL at /graphiql, the reference UI
 * for municipal staff at /app (it routes inside the page, after {@code #}, so one path serves every screen). A page
 * is the HTML that Vite built into the classpath (META-INF/hyoka-web); its scripts and styles come from this server
 * under /web/ (application.yml, micronaut.router.static-resources.web), never from a CDN. A server built with
 * {@code -Dhyoka.web.skip=true -Dhyoka.web.pageless=true} has no pages and answers 404 with the reason.
 */
@Controller
public class WebPages {

    static final String RESOURCES = "META-INF/hyoka-web/";
    static final String GRAPHIQL = "graphiql.html";
    static final String APP = "app.html";

    /**
     * Each page as read once from the jar (empty: not built in): answered from memory afterwards, so no request reads
     * a file on Netty's event loop after the first.
     */
    private final Map<String, Optional<String>> pages = new ConcurrentHashMap<>();

    @Get(uri = "/graphiql", produces = MediaType.TEXT_HTML)
    HttpResponse<String> graphiql() {
        return page(GRAPHIQL);
    }

    @Get(uri = "/app", produces = MediaType.TEXT_HTML)
    HttpResponse<String> app() {
        return page(APP);
    }

    private HttpResponse<String> page(String file) {
        Optional<String> html = pages.computeIfAbsent(file, WebPages::read);
        if (html.isEmpty()) {
            return HttpResponse.<String>status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_PLAIN_TYPE)
                    .body(file + " was not built into this server (hyoka-web built with -Dhyoka.web.pageless=true)");
        }
        // The HTML names its assets by content hash: always revalidated, while the assets themselves may be kept.
        return HttpResponse.ok(html.get()).header("Cache-Control", "no-cache");
    }

    private static Optional<String> read(String file) {
        try (InputStream html = WebPages.class.getClassLoader().getResourceAsStream(RESOURCES + file)) {
            return html == null ? Optional.empty()
                    : Optional.of(new String(html.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
