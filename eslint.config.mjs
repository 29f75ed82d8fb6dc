// @ts-check
/**
 * Lint for all of crosscheck's TypeScript: typescript-eslint's recommended rules and the
 * boundaries between Nx projects, by the tags in each project.json. `npm run lint` runs it
 * with the import-cycle check (.dependency-cruiser.cjs); `npm test` runs both first.
 *
 * Boundaries:
 *   - no project imports an app (Nx's own rule), nor another project by a relative path;
 *   - type:app and type:lib projects depend on type:lib projects only;
 *   - platform:browser (the console's web app) depends on platform:browser or platform:shared only,
 *     so no server code reaches the browser bundle;
 *   - platform:shared libs (pure rules both sides import) depend on platform:shared only.
 */
import js from '@eslint/js';
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The boundary rule reads Nx's cached project graph and, finding none, skips itself with a
// warning. Build the graph first, so the rule always judges the tree as it is now.
await createProjectGraphAsync({ exitOnError: true });

export default defineConfig(
  {
    ignores: [
      'dist/',
      'coverage/',
      '.local/',
      '.nx/',
      'infra/kafka/',
      'infra/zipkin/',
      // Written by protoc-gen-es; `npm run contracts:check` keeps it in step with proto/.
      'libs/contracts/src/gen/',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { '@nx': nx },
    rules: {
      // `import x = require('m')` is how TypeScript imports a CommonJS `export =` module (talisman).
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      // `_` marks an argument a signature needs but the body does not (Nest handlers, callbacks).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // @crosscheck/infra (infra/local) and test/harness start Kafka and Postgres for
          // *.int-spec.ts files; neither is an Nx project. Production code may not import them
          // (no-restricted-imports below).
          allow: ['^@crosscheck/infra$', '^(\\.\\./)+test/harness/'],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['platform:browser', 'platform:shared'] },
            { sourceTag: 'platform:shared', onlyDependOnLibsWithTags: ['platform:shared'] },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/**/*.{ts,tsx}', 'libs/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@crosscheck/infra', message: 'local infrastructure is for tests and scripts only' }],
          patterns: [{ group: ['**/test/harness/**'], message: 'the test harness is for tests only' }],
        },
      ],
    },
  },
  {
    // Tests, benchmarks and the local launcher read JSON answers as `any` on purpose: an assertion
    // or a log line is the check, and typing each answer would only restate the API.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'infra/local/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Reflection over Nest's route metadata, keyed by controller classes that Nest types `Function`.
    files: ['libs/runtime/src/openapi/**/*.ts', 'libs/runtime/src/service-core.module.ts'],
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
  {
    // open-database.ts passes TypeORM's own entity and migration lists, typed with `Function`;
    // api-routes.spec.ts pins the console server's proxy list to the web app's client, so it reads that client.
    files: ['libs/persistence/src/open-database.ts'],
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
  {
    files: ['apps/console/server/proxy/api-routes.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['apps/console/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);
