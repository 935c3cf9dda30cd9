package jp.hyoka.server.platform;

import graphql.schema.DataFetchingEnvironment;
import jakarta.inject.Singleton;
import jp.hyoka.domain.shared.MunicipalityCode;
import jp.hyoka.server.graphql.NodeType;
import jp.hyoka.server.graphql.Requests;
import jp.hyoka.server.security.Tenants;

import java.util.Optional;

/**
 * {@code Municipality} as a node, keyed by its 地方公共団体コード: a platform operator may refetch any registered
 * municipality, a municipality's user only their own (another one's id reads as null, like an unknown code).
 */
@Singleton
public class MunicipalityNodes extends NodeType {

    static final String TYPE = "Municipality";

    private final Tenants tenants;

    public MunicipalityNodes(Tenants tenants) {
        super(TYPE, MunicipalityNode.class);
        this.tenants = tenants;
    }

    /** What the Municipality type reads. */
    public record MunicipalityNode(String code, String name) {
        public String id() {
            return jp.hyoka.server.graphql.GlobalIds.encode(TYPE, code);
        }
    }

    @Override
    public Optional<?> load(DataFetchingEnvironment environment, String localKey) {
        if (!MunicipalityCode.isValid(localKey)) {
            return Optional.empty();
        }
        MunicipalityCode code = new MunicipalityCode(localKey);
        boolean operator = Requests.roles(environment).contains(jp.hyoka.server.security.PlatformOperator.ROLE);
        if (!operator && !Requests.caller(environment).tenant().equals(code)) {
            return Optional.empty();
        }
        return tenants.name(code).map(name -> new MunicipalityNode(code.value(), name));
    }
}
