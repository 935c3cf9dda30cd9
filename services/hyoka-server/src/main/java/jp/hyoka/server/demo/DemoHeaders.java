package jp.hyoka.server.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import jp.hyoka.server.security.DevTokenIssuer;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * The embedded default's GraphiQL header pane: {@code GET /graphiql/demo-headers} answers the Authorization header of
 * the first demo editor (川崎市, editor and approver), the one the start banner prints first, so that GraphiQL runs a
 * query as soon as it opens. Only with the development issuer and the demo municipalities on (infra/local/run.sh);
 * anywhere else there is no such route (404) and the pane starts empty. Only a browser on the server's own machine
 * (a loopback address) gets a token; any other caller gets 404, as if the route were not there: a developer's laptop
 * on a 庁内 LAN must not hand editor tokens to every machine that reaches its port.
 * {@code GET /app/demo-users} answers every demo editor with a fresh token, for the reference UI's sign-in screen.
 */
@Controller
@Requires(property = "hyoka.demo.enabled", value = "true")
@Requires(beans = DevTokenIssuer.class)
public class DemoHeaders {

    private final DevTokenIssuer issuer;

    public DemoHeaders(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Get(uri = "/graphiql/demo-headers", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, String>> headers(HttpRequest<?> request) {
        if (!fromThisMachine(request)) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(Map.of("Authorization",
                "Bearer " + DemoTenants.token(issuer, DemoTenants.TENANTS.get(0))));
    }

    /** The reference UI's sign-in screen on the embedded default: whom to sign in as, and the header that does it. */
    @Get(uri = "/app/demo-users", produces = MediaType.APPLICATION_JSON)
    HttpResponse<List<Map<String, String>>> users(HttpRequest<?> request) {
        if (!fromThisMachine(request)) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(DemoTenants.TENANTS.stream().map(tenant -> Map.of(
                "userId", tenant.userId(),
                "displayName", tenant.userName(),
                "municipalityName", tenant.name(),
                "municipalityCode", tenant.code().value(),
                "authorization", "Bearer " + DemoTenants.token(issuer, tenant))).toList());
    }

    /** The connection's own peer (never a forwarded header: that a caller could write). */
    private static boolean fromThisMachine(HttpRequest<?> request) {
        InetAddress peer = request.getRemoteAddress().getAddress();
        return peer != null && peer.isLoopbackAddress();
    }
}
