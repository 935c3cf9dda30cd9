import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

// Run from this directory (Maven does). A multi-page build: each page is an HTML entry at the top of the project. hyoka-server serves the built files from
// the classpath (META-INF/hyoka-web) under /web/ and each page at a path of its own (GraphiQL: /graphiql, the UI: /app).
export default defineConfig({
  base: '/web/',
  plugins: [tailwindcss()],
  build: {
    outDir: 'target/classes/META-INF/hyoka-web',
    emptyOutDir: true,
    // GraphiQL's editor (Monaco) is one large chunk by nature; it is served from the server itself, not a CDN.
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      onwarn(warning, warn) {
        // React libraries mark their modules "use client" for server components; meaningless in a browser bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') {
          return;
        }
        warn(warning);
      },
      input: {
        graphiql: 'graphiql.html',
        app: 'app.html',
      },
    },
  },
  worker: {
    format: 'es',
  },
});
