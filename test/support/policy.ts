import { fileURLToPath } from 'node:url';
import { loadPolicy, type Policy } from '../../infra/policy/policy.ts';
import type { Rung } from '../../workflows/volunteer-lifecycle/definitions.ts';

export const DEFAULT_POLICY_FILE = fileURLToPath(new URL('../../policy/tonsberg.yaml', import.meta.url));

/** The shipped Tønsberg policy with the confidentiality ladder shortened to seconds, so tests run it for real. */
export async function testPolicy(confidentialityLadder: Rung[]): Promise<Policy> {
  const policy = await loadPolicy(DEFAULT_POLICY_FILE);
  return { ...policy, ladders: { ...policy.ladders, confidentialityDeclaration: confidentialityLadder } };
}

export const seconds = (s: number) => s * 1_000;
