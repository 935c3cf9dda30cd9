package jp.hyoka.server.support;

import io.micronaut.runtime.server.EmbeddedServer;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.security.Tenants;
import jp.hyoka.server.support.GraphQlClient;

import java.util.List;

/** Signed-in clients of the test server: editors of two municipalities and a reader without the editor role. */
public final class Callers {

    public static final MunicipalityCode KAWASAKI = new MunicipalityCode("141305");
    public static final MunicipalityCode ASAHIKAWA = new MunicipalityCode("012041");

    public final GraphQlClient kawasakiEditor;
    public final GraphQlClient kawasakiEditor2;
    public final GraphQlClient kawasakiReader;
    public final GraphQlClient kawasakiApprover;
    public final GraphQlClient asahikawaEditor;
    public final GraphQlClient anonymous;
    public final GraphQlClient unregisteredMunicipality;

    public Callers(EmbeddedServer server, DevTokenIssuer issuer, Tenants tenants) {
        tenants.register(KAWASAKI, "川崎市");
        tenants.register(ASAHIKAWA, "旭川市");
        var uri = server.getURI();
        kawasakiEditor = new GraphQlClient(uri, issuer.issue("k-editor", "川崎 一郎", KAWASAKI, List.of("editor")));
        kawasakiEditor2 = new GraphQlClient(uri, issuer.issue("k-editor-2", "川崎 二郎", KAWASAKI, List.of("editor")));
        kawasakiReader = new GraphQlClient(uri, issuer.issue("k-auditor", "川崎 監査", KAWASAKI, List.of("auditor")));
        kawasakiApprover = new GraphQlClient(uri, issuer.issue("k-approver", "川崎 承認", KAWASAKI,
                List.of("approver")));
        asahikawaEditor = new GraphQlClient(uri, issuer.issue("a-editor", "旭川 花子", ASAHIKAWA, List.of("editor")));
        anonymous = new GraphQlClient(uri, null);
        // 131075 (墨田区) is a valid code but not registered on this server.
        unregisteredMunicipality = new GraphQlClient(uri,
                issuer.issue("s-editor", "墨田 三郎", new MunicipalityCode("131075"), List.of("editor")));
    }
}
