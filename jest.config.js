/**
 * Three kinds of tests, one runner:
 *   unit         *.spec.ts beside the code: pure, no I/O
 *   integration  *.int-spec.ts beside the code: real Postgres and Kafka
 *   e2e          test/e2e/*.e2e-spec.ts: the four services as real processes
 * `npm test` (scripts/test.ts) provisions the real parts and runs all three.
 */
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/\//g, '\\/')}$`,
    `<rootDir>/${target}`,
  ]),
);

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

const common = {
  rootDir: __dirname,
  transform,
  moduleNameMapper,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // Provisions Kafka, Postgres and Zipkin once per run; see test/harness/infrastructure.ts.
  globalSetup: '<rootDir>/test/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
  rootDir: __dirname,
  transform,
  moduleNameMapper,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,infra,scripts,bench,test/data,test/harness}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      slowTestThreshold: 30,
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'], slowTestThreshold: 60 },
  ],
};
