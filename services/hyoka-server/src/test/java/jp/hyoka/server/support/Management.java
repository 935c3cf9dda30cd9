package jp.hyoka.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Plain GETs of the management endpoints (health, prometheus), with a token or without, as a probe or Prometheus. */
public final class Management {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Management() {
    }

    public static HttpResponse<String> ask(URI server, String path) {
        return ask(server, path, null);
    }

    /** Asks until the answer has {@code status} (a probe's verdict follows a periodic check), or fails. */
    public static HttpResponse<String> awaitStatus(URI server, String path, int status, Duration deadline)
            throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        HttpResponse<String> answer = ask(server, path);
        while (answer.statusCode() != status && Instant.now().isBefore(end)) {
            Thread.sleep(100);
            answer = ask(server, path);
        }
        return answer;
    }

    public static HttpResponse<String> ask(URI server, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
