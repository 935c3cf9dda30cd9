// A graphql-ws client (the real library) for the server's integration tests (support/GraphQlWsClient).
// Usage: node graphql-ws-client.mjs <ws-url> <token|-> [raw]
//   stdin, one JSON command per line: {"op":"subscribe","id":"a","query":"…","variables":{…}} | {"op":"complete","id":"a"}
//   stdout, one JSON event per line: connected | next | error | complete | closed (with the close code and reason)
// "raw": a bare WebSocket speaking the subprotocol but sending nothing (the server's connection_init timeout).
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import readline from 'node:readline';

const [url, token, mode] = process.argv.slice(2);
const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n');

if (mode === 'raw') {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  socket.on('open', () => emit({ event: 'open' }));
  socket.on('close', (code, reason) => { emit({ event: 'closed', code, reason: reason.toString() }); process.exit(0); });
  socket.on('error', (error) => emit({ event: 'socket-error', message: String(error) }));
} else {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: token === '-' ? {} : { Authorization: `Bearer ${token}` },
    onNonLazyError: () => {},
    on: {
      connected: () => emit({ event: 'connected' }),
      closed: (event) => { emit({ event: 'closed', code: event.code, reason: event.reason }); },
    },
  });
  const running = new Map();
  readline.createInterface({ input: process.stdin }).on('line', (line) => {
    const command = JSON.parse(line);
    if (command.op === 'subscribe') {
      const { id, query, variables } = command;
      running.set(id, client.subscribe({ query, variables }, {
        next: (payload) => emit({ event: 'next', id, payload }),
        error: (errors) => emit({ event: 'error', id, errors: Array.isArray(errors) ? errors : { code: errors?.code, reason: errors?.reason, message: String(errors?.message ?? errors) } }),
        complete: () => emit({ event: 'complete', id }),
      }));
    } else if (command.op === 'complete') {
      running.get(command.id)?.();
    } else if (command.op === 'exit') {
      client.dispose();
      process.exit(0);
    }
  }).on('close', () => { client.dispose(); process.exit(0); });
}
