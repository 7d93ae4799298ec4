import type { Config } from 'jest';
import base from './jest.config.ts';

/**
 * The fault-injection suite (`npm run test:faults`): workers killed, SMTP, the database and Temporal
 * taken away and brought back. Same dev server and set-up as the main suite. Two files at a time:
 * jest starts the longest (the SIGKILL storm, which keeps the machine busy) and runs the others,
 * which mostly wait out outages and timers, beside it.
 */
const config: Config = {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 300_000,
  maxWorkers: 2,
};

export default config;
