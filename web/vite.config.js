// Two pages, served by the Python app from web/dist (app/console.py): the console at / and
// GraphiQL at /graphiql. Everything is bundled: the browser fetches nothing from the internet.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000, // G6, ECharts and GraphiQL are large; this is an intranet tool
    rollupOptions: {
      // React packages' "use client" lines mean nothing in a plain bundle: not worth a warning.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        console: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
      },
    },
  },
  server: {
    // `npm run dev` against a local API (make run) on port 8000
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:8000', ws: true },
      '/reports': 'http://127.0.0.1:8000',
      '/console': 'http://127.0.0.1:8000',
    },
  },
});
