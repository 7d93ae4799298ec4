import { fileURLToPath } from 'node:url';
import { loadPolicy, type Policy } from '../../infra/policy/policy.ts';
import type { LadderName, Recipient, Rung } from '../../workflows/volunteer-lifecycle/definitions.ts';

export const DEFAULT_POLICY_FILE = fileURLToPath(new URL('../../policy/tonsberg.yaml', import.meta.url));

export const seconds = (s: number) => s * 1_000;
export const remind = (s: number, notify: Recipient): Rung => ({ afterMs: seconds(s), kind: 'reminder', notify });
export const escalate = (s: number, notify: Recipient): Rung => ({ afterMs: seconds(s), kind: 'escalation', notify });

const HOUR = 3_600;

/**
 * The shipped Tønsberg policy compressed for tests: every ladder an hour away unless a test gives
 * its own in seconds, so each test runs only the rungs it asserts, for real.
 */
export async function compressedPolicy(
  ladders: Partial<Record<LadderName, Rung[]>> = {},
  times: Partial<Pick<Policy, 'followUp' | 'endingConversationWithin' | 'retention' | 'agreements' | 'courses' | 'meetings' | 'recruitment'>> = {},
): Promise<Policy> {
  const policy = await loadPolicy(DEFAULT_POLICY_FILE);
  const far = [remind(HOUR, 'volunteer')];
  return {
    ...policy,
    ladders: {
      policeCertificate: far,
      confidentialityDeclaration: far,
      introductionCourseUnbooked: far,
      introductionCourseSession: [remind(-HOUR, 'volunteer')],
      firstConversation: far,
      followUp: [remind(HOUR, 'contact')],
      endingConversation: far,
      ...ladders,
    },
    followUp: { firstAfter: seconds(HOUR), every: seconds(HOUR) },
    endingConversationWithin: seconds(HOUR),
    retention: { afterEnded: seconds(HOUR), afterWithdrawn: seconds(HOUR) },
    ...times,
  };
}

/** The shipped policy with only the confidentiality ladder compressed. */
export function testPolicy(confidentialityLadder: Rung[]): Promise<Policy> {
  return compressedPolicy({ confidentialityDeclaration: confidentialityLadder });
}
