import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';

// One urql client per signed-in session: queries and mutations to /graphql with the session's Authorization header,
// subscriptions over /graphql/ws (graphql-transport-ws) with the same header in connection_init (subscriptions/README.md).
export function createClient(authorization: string): Client {
  const ws = createWsClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql/ws`,
    connectionParams: { Authorization: authorization },
    lazy: true,
  });
  return new Client({
    url: '/graphql',
    fetchOptions: { headers: { Authorization: authorization } },
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return { subscribe: (sink) => ({ unsubscribe: ws.subscribe(input, sink) }) };
        },
      }),
    ],
  });
}
