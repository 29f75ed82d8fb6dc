/**
 * The import graph's rules, checked by `npm run lint` (and so by `npm test`):
 *   - no cycles, type-only imports included: a cycle of types is still a knot a reader must untangle;
 *   - inside a service, a use-case folder (share-record/, check-entity/, ...) imports only the
 *     service's model/ (types and pure rules its slices share), persistence/ (repositories and
 *     what writes in the caller's transaction) and migrations/, never another use-case folder.
 * Which project may import which is @nx/enforce-module-boundaries' job (eslint.config.mjs).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Break the cycle by moving what both sides need into model/ (or a library) that both import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-slice-to-slice',
      severity: 'error',
      comment: 'Use-case folders share through model/ and persistence/, never by importing each other.',
      from: { path: '^apps/([^/]+)/src/([^/]+)/' },
      to: {
        path: '^apps/$1/src/[^/]+/',
        pathNot: ['^apps/$1/src/($2|model|persistence|migrations)/'],
      },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|coverage)/|/gen/' },
  },
};
