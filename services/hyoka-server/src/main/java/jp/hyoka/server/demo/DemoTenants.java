package jp.hyoka.server.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.components.CatalogueFile;
import jp.hyoka.server.components.CatalogueSeed;
import jp.hyoka.server.security.DevTokenIssuer;
import jp.hyoka.server.security.Tenants;

import java.util.List;
import java.util.Optional;

/**
 * The embedded default's welcome: registers the demo municipalities, seeds the shared-component catalogue
 * ({@link CatalogueSeed}), imports the published samples into them ({@link DemoDocuments}) and prints where the API
 * is and how to call it as a demo editor of each. Off unless {@code hyoka.demo.enabled}.
 */
@Singleton
@Requires(property = "hyoka.demo.enabled", value = "true")
public class DemoTenants implements ApplicationEventListener<ServerStartupEvent> {

    record DemoTenant(MunicipalityCode code, String name, String userId, String userName) {
    }

    static final List<DemoTenant> TENANTS = List.of(
            new DemoTenant(new MunicipalityCode("141305"), "川崎市", "demo-kawasaki-editor", "川崎 編集者"),
            new DemoTenant(new MunicipalityCode("012041"), "旭川市", "demo-asahikawa-editor", "旭川 編集者"),
            new DemoTenant(new MunicipalityCode("141003"), "横浜市", "demo-yokohama-editor", "横浜 編集者"),
            new DemoTenant(new MunicipalityCode("131075"), "墨田区", "demo-sumida-editor", "墨田 編集者"));

    private final Tenants tenants;
    private final Optional<DevTokenIssuer> issuer;
    private final DemoDocuments documents;
    private final CatalogueSeed catalogue;

    public DemoTenants(Tenants tenants, Optional<DevTokenIssuer> issuer, DemoDocuments documents,
                       CatalogueSeed catalogue) {
        this.tenants = tenants;
        this.issuer = issuer;
        this.documents = documents;
        this.catalogue = catalogue;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        TENANTS.forEach(tenant -> tenants.register(tenant.code(), tenant.name()));
        // the catalogue first, so that the documents imported next find the components their copies came from
        CatalogueSeed.Summary components = catalogue.seed();
        List<String> imported = documents.importAll(TENANTS);
        String base = event.getSource().getURL().toString().replaceAll("/$", "");
        StringBuilder banner = new StringBuilder()
                .append("\n================ Hyoka is running ================\n")
                .append("GraphQL:  ").append(base).append("/graphql\n")
                .append("GraphiQL: ").append(base).append("/graphiql  (headers pre-filled: the first editor below)\n")
                .append("Web UI:   ").append(base)
                .append("/app  (評価書エディタ: sign in as one of the editors below)\n");
        for (DemoTenant tenant : TENANTS) {
            banner.append("\n").append(tenant.name()).append(" (").append(tenant.code()).append("), editor and approver ")
                    .append(tenant.userName()).append(":\n");
            issuer.ifPresentOrElse(
                    dev -> banner.append("{\"Authorization\": \"Bearer ").append(token(dev, tenant)).append("\"}\n"),
                    () -> banner.append("(no development issuer: sign in through your identity provider)\n"));
        }
        banner.append("\nShared components (").append(CatalogueFile.RESOURCE).append("): ").append(components)
                .append("\n");
        banner.append("\nSample documents:\n");
        imported.forEach(line -> banner.append("  ").append(line).append("\n"));
        banner.append("==================================================\n");
        System.out.println(banner);
    }

    /** A development token of the tenant's demo editor, who is its approver too. */
    static String token(DevTokenIssuer issuer, DemoTenant tenant) {
        return issuer.issue(tenant.userId(), tenant.userName(), tenant.code(), List.of("editor", "approver"));
    }
}
