// Sign-in through the municipality's OpenID Connect provider (Keycloak with `run.sh --keycloak`): the
// authorization-code flow with PKCE (RFC 7636, S256) of a public client, as browsers should (RFC 9700 / OAuth 2.0
// for Browser-Based Apps): no client secret, no implicit flow. GET /app/sign-in names the issuer and the client;
// the verifier and state wait in sessionStorage while the browser is on the provider's login page.

export interface Provider {
  issuer: string;
  clientId: string;
}

const PENDING = 'hyoka.oidc.pending';

function randomText(bytes: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Where the provider sends the browser back: this page, without query or fragment. */
function redirectUri(): string {
  return `${location.origin}${location.pathname}`;
}

/** The provider the server is configured with; null on the embedded default (no route). */
export async function provider(): Promise<Provider | null> {
  const response = await fetch('/app/sign-in');
  return response.ok ? (await response.json()) as Provider : null;
}

/** Leaves for the provider's login page. */
export async function startSignIn(oidc: Provider): Promise<void> {
  const verifier = randomText(32);
  const state = randomText(16);
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, oidc }));
  const query = new URLSearchParams({
    client_id: oidc.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(), state,
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${oidc.issuer}/protocol/openid-connect/auth?${query}`);
}

/**
 * Back from the provider (?code=…&state=…): the code exchanged for an access token with the verifier. Null when this
 * page load is not such a return; throws with the reason when the provider or the exchange refused.
 */
export async function completeSignIn(): Promise<{ accessToken: string } | null> {
  const params = new URLSearchParams(location.search);
  const pendingText = sessionStorage.getItem(PENDING);
  if (!params.has('code') && !params.has('error')) {
    return null;
  }
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', redirectUri() + location.hash);   // the code is single-use: keep it out of history
  if (params.has('error')) {
    throw new Error(params.get('error_description') ?? params.get('error') ?? 'sign-in refused');
  }
  const pending = pendingText ? JSON.parse(pendingText) as { verifier: string; state: string; oidc: Provider } : null;
  if (!pending || pending.state !== params.get('state')) {
    throw new Error('サインインの応答がこのタブで始めたものと一致しません。もう一度サインインしてください。');
  }
  const response = await fetch(`${pending.oidc.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code') ?? '', redirect_uri: redirectUri(),
      client_id: pending.oidc.clientId, code_verifier: pending.verifier,
    }),
  });
  const answer = await response.json() as { access_token?: string; error_description?: string; error?: string };
  if (!response.ok || !answer.access_token) {
    throw new Error(answer.error_description ?? answer.error ?? `token endpoint: HTTP ${response.status}`);
  }
  return { accessToken: answer.access_token };
}
