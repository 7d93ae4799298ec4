import type { Config } from 'jest';

/** Native ESM jest with swc; one Temporal dev server for the whole run (see test/global-setup.mjs). */
const config: Config = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', {}] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // The fault-injection suite runs on its own: `npm run test:faults` (jest.faults.config.ts).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/faults/'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  setupFiles: ['<rootDir>/test/support/quiet-temporal.ts'],
  testTimeout: 60_000,
  // Three on two cores: the suites wait on timers, mail and Temporal often enough that a third keeps the cores busy.
  maxWorkers: 3,
};

export default config;
