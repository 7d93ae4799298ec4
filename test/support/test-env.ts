/** The values globalSetup hands to every test file, through the environment jest workers inherit. */
export const testEnv = {
  get temporalAddress(): string {
    return required('SAMSPILL_TEST_TEMPORAL_ADDRESS');
  },
  get workflowBundlePath(): string {
    return required('SAMSPILL_TEST_WORKFLOW_BUNDLE');
  },
  /** A PostgreSQL database the tests may connect to in order to create throwaway databases. */
  get postgresAdminUrl(): string {
    return process.env.SAMSPILL_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  },
  /** Headless Chromium from Debian's `chromium` package (`.ci/run` installs it). */
  get chromiumPath(): string {
    return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  },
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest, whose globalSetup starts Temporal`);
  return value;
}
