package jp.hyoka.server.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The municipalities a verified token names, as written: the development issuer's {@code hyoka_tenant}, and
 * Keycloak's {@code organization} claim in either of its shapes (a list of aliases, or an object keyed by alias
 * when the mapper adds organization ids). Whether they are valid and registered is the resolver's business.
 */
final class MunicipalityClaims {

    private MunicipalityClaims() {
    }

    static List<String> named(Map<String, Object> attributes) {
        Set<String> names = new LinkedHashSet<>();
        add(names, attributes.get(TokenClaims.TENANT));
        add(names, attributes.get(TokenClaims.ORGANIZATION));
        return List.copyOf(names);
    }

    private static void add(Set<String> names, Object claim) {
        if (claim instanceof Map<?, ?> byAlias) {
            byAlias.keySet().forEach(alias -> addName(names, alias));
        } else if (claim instanceof Collection<?> aliases) {
            aliases.forEach(alias -> addName(names, alias));
        } else {
            addName(names, claim);
        }
    }

    private static void addName(Set<String> names, Object name) {
        if (name != null && !name.toString().isBlank()) {
            names.add(name.toString());
        }
    }
}
