import type { EntityManager } from '@mikro-orm/core';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import type { TemporalDeps } from './temporal-calls.ts';

/** What every dashboard router receives from createApp. */
export interface DashboardDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
  links: LinkSigner;
  /** For failures of work that outlives its request (a CSV import running in the background). */
  log: (line: string) => void;
}
