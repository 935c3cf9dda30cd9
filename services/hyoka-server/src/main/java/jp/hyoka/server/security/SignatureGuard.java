package jp.hyoka.server.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;

import java.util.List;

/**
 * Refuses to start a server that could not verify a single token signature. Without any signature configuration,
 * micronaut-security-jwt treats an unsigned token ({@code "alg": "none"}) as verified, so anyone could name any
 * municipality and role. A deployment configures its identity provider's JWKS; development runs the dev issuer.
 */
@Context
public class SignatureGuard {

    public SignatureGuard(List<SignatureConfiguration> signatures, List<ReactiveSignatureConfiguration<?>> reactive) {
        if (signatures.isEmpty() && reactive.isEmpty()) {
            throw new IllegalStateException("No token signature is configured: set "
                    + "micronaut.security.token.jwt.signatures.jwks.<name>.url to your identity provider's JWKS, "
                    + "or run with the development issuer (hyoka.dev-issuer.enabled=true, dev only).");
        }
    }
}
