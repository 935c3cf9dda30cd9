/** Request headers, as the header pane holds them. */
export type Headers = Record<string, string>;

/**
 * The header pane's first content: on the embedded default (development issuer and demo municipalities on), the
 * server answers /graphiql/demo-headers with the Authorization header of a demo editor; anywhere else it answers
 * 404 and the pane starts empty (sign in through the identity provider and paste the token).
 */
export async function demoHeaders(): Promise<Headers | undefined> {
  try {
    const response = await fetch('/graphiql/demo-headers', { headers: { Accept: 'application/json' } });
    return response.ok ? ((await response.json()) as Headers) : undefined;
  } catch {
    return undefined;
  }
}
