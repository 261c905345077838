/**
 * Jest: two projects on the same sources.
 *   unit         *.unit.test.ts: pure functions, schemas, dates, table renderers, PDF layout; no
 *                database and no app, so no global setup (npm run test:unit).
 *   integration  every other *.test.ts: the real app on a real database; each test file gets its
 *                own copy of a template migrated once (test/helpers/global-setup.ts).
 * `npm test` runs both.
 */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  setupFilesAfterEnv: ['<rootDir>/test/helpers/after-each-file.ts'],
  testTimeout: 30000,
};

module.exports = {
  maxWorkers: 2,
  testTimeout: 30000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['**/*.unit.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '\\.unit\\.test\\.ts$'],
      globalSetup: '<rootDir>/test/helpers/global-setup.ts',
    },
  ],
};
