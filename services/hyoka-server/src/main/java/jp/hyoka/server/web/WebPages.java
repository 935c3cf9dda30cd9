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

/**
 * The pages of hyoka-web (services/hyoka-web), each at a path of its own: GraphiQL at /graphiql, the reference UI
 * for municipal staff at /app (it routes inside the page, after {@code #}, so one path serves every screen). A page
 * is the HTML that Vite built into the classpath (META-INF/hyoka-web); its scripts and styles come from this server
 * under /web/ (application.yml, micronaut.router.static-resources.web), never from a CDN. A server built with
 * {@code -Dhyoka.web.skip=true} has no pages and answers 404 with the reason.
 */
@Controller
public class WebPages {

    static final String RESOURCES = "META-INF/hyoka-web/";
    static final String GRAPHIQL = "graphiql.html";
    static final String APP = "app.html";

    @Get(uri = "/graphiql", produces = MediaType.TEXT_HTML)
    HttpResponse<String> graphiql() {
        return page(GRAPHIQL);
    }

    @Get(uri = "/app", produces = MediaType.TEXT_HTML)
    HttpResponse<String> app() {
        return page(APP);
    }

    private static HttpResponse<String> page(String file) {
        try (InputStream html = WebPages.class.getClassLoader().getResourceAsStream(RESOURCES + file)) {
            if (html == null) {
                return HttpResponse.<String>status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.TEXT_PLAIN_TYPE)
                        .body(file + " was not built into this server (hyoka-web built with -Dhyoka.web.skip=true)");
            }
            // The HTML names its assets by content hash: always revalidated, while the assets themselves may be kept.
            return HttpResponse.ok(new String(html.readAllBytes(), StandardCharsets.UTF_8))
                    .header("Cache-Control", "no-cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
