import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';

import type { Headers } from './demoHeaders';

/**
 * GraphiQL's requests to /graphql (same origin) with the header pane's headers, and its subscriptions over
 * /graphql/ws (graphql-transport-ws), whose connection_init carries the same headers (the server reads the
 * Authorization header there). GraphiQL asks for the schema as soon as it opens, before the pane's editor exists and
 * with no headers at all; that one request gets the pane's first content instead, or /graphql refuses it (no token)
 * and the explorer and completion would have no schema.
 */
export function hyokaFetcher(initialHeaders: Headers | undefined): Fetcher {
  const socket = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql/ws`;
  const fetcher = createGraphiQLFetcher({ url: '/graphql', subscriptionUrl: socket });
  return (params, opts) => fetcher(params, opts?.headers ? opts : { ...opts, headers: initialHeaders });
}
