/**
 * Browser journeys (npm run test:e2e): playwright-core driving Debian's chromium against the app
 * started as its own process (test/e2e/global-setup.ts), axe-core on every page visited.
 * One server and one worker: the journeys share the server and run one after another.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60000,
};
