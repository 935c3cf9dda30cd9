import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';

import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { demoHeaders } from './demoHeaders';
import { hyokaFetcher } from './fetcher';

const plugins = [explorerPlugin()];

const root = document.getElementById('graphiql');
if (!root) {
  throw new Error('graphiql.html has no #graphiql element');
}

demoHeaders().then((headers) => {
  const pane = headers && JSON.stringify(headers, null, 2);
  createRoot(root).render(
    <StrictMode>
      <GraphiQL
        fetcher={hyokaFetcher(headers)}
        plugins={plugins}
        initialHeaders={pane}
        defaultHeaders={pane}
        defaultEditorToolsVisibility={headers ? 'headers' : false}
        defaultQuery={'{\n  me {\n    userId\n  }\n}\n'}
      />
    </StrictMode>,
  );
});
