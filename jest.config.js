/**
 * Jest: two projects on the same sources.
 *   unit         *.unit.test.ts: pure functions, schemas, dates, table renderers, PDF layout; no
 *                database and no app, so no global setup (npm run test:unit).
 *   integration  every other *.test.ts: the real app on a real database; each test file gets its
 *                own copy of a template migrated once (test/helpers/global-setup.ts).
 * `npm test` runs both; KK_TEST_PROJECT=unit (npm run test:unit) only the one named, so that file
 * names and options can follow as usual (`npm run test:unit -- test/lib/dates.unit.test.ts`).
 */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  setupFilesAfterEnv: ['<rootDir>/test/helpers/after-each-file.ts'],
  testTimeout: 30000,
};

const projects = [
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
];

const only = process.env.KK_TEST_PROJECT;
module.exports = {
  maxWorkers: 2,
  testTimeout: 30000,
  projects: only ? projects.filter((p) => p.displayName === only) : projects,
};
