export default async function globalTeardown() {
  await globalThis.temporalTestEnv?.teardown();
}
