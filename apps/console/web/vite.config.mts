/**
 * Builds the analyst console's single-page app into dist/apps/console/web,
 * where the console server serves it. React's JSX is compiled by Vite itself
 * (automatic runtime); no plugin is needed for a production build.
 * `npx vite --config apps/console/web/vite.config.mts` serves it for development
 * against a console server on :3005.
 */
import * as path from 'node:path';
import { defineConfig } from 'vite';

const consoleServer = process.env.CONSOLE_URL ?? 'http://127.0.0.1:3005';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // The libraries the browser shares with the services (tsconfig.json's paths say the same to TypeScript);
  // of the contracts it imports types only, so none of its code is bundled.
  resolve: {
    alias: {
      '@crosscheck/alert-lifecycle': path.resolve(import.meta.dirname, '../../../libs/alert-lifecycle/src/index.ts'),
      '@crosscheck/contracts': path.resolve(import.meta.dirname, '../../../libs/contracts/src/index.ts'),
      '@crosscheck/operator-views': path.resolve(import.meta.dirname, '../../../libs/operator-views/src/index.ts'),
    },
  },
  build: {
    outDir: path.resolve(import.meta.dirname, '../../../dist/apps/console/web'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': consoleServer, '/session': consoleServer, '/config.json': consoleServer },
  },
});
