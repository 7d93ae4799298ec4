import { setTimeout as sleep } from 'node:timers/promises';
import { messageIdFor } from '../activities/outbox.ts';
import { startLifecycle } from '../api/http/temporal-calls.ts';
import { VolunteerStep } from '../infra/db/entities/index.ts';
import type { Dialect } from '../infra/db/orm.ts';
import { compressedPolicy, escalate, remind } from '../test/support/policy.ts';
import { volunteerWorkflowId } from '../workflows/volunteer-lifecycle/definitions.ts';
import type { Engine } from './engine.ts';
import { seedRegisteredVolunteers } from './seed.ts';
import { percentiles, type Percentiles } from './stats.ts';
import { PUBLIC_URL, startSystem } from './system.ts';

export interface LagFigures {
  dialect: Dialect;
  volunteers: number;
  perSecond: number;
  lag: Percentiles;
}

/** The confidentiality ladder in seconds: two reminders and an escalation, each a timer in every lifecycle. */
const LADDER = [remind(4, 'volunteer'), remind(8, 'volunteer'), escalate(12, 'contact')];

/**
 * B5: lifecycles start at a steady `perSecond` for `seconds`; each rung's lag is from its due time
 * (the step's opening, as the projection records it, plus the rung's delay) to its email's arrival
 * in the SMTP sink, found by the Message-ID the outbox derives from the rung's key.
 */
export async function measureReminderLag(engine: Engine, dialect: Dialect, { perSecond, seconds }: { perSecond: number; seconds: number }, log: (line: string) => void): Promise<LagFigures> {
  const policy = await compressedPolicy({ confidentialityDeclaration: LADDER });
  const system = await startSystem(engine, dialect, { policy, worker: true });
  try {
    const volunteers = await seedRegisteredVolunteers(system.db.orm, policy, perSecond * seconds);
    const began = performance.now();
    const starts = volunteers.map(async (volunteer, i) => {
      await sleep(Math.max(0, began + (i * 1_000) / perSecond - performance.now()));
      await startLifecycle(system.temporal, policy, volunteer);
    });
    await Promise.all(starts);
    const expected = volunteers.length * (1 + LADDER.length);
    await system.sink.waitForCount(expected, 600_000);
    log(`  ${expected} emails in; computing lag`);

    const arrivals = new Map(system.sink.received.map((m) => [m.messageId, m.at]));
    const steps = await system.db.orm.em.fork().find(VolunteerStep, { step: 'confidentialityDeclaration', volunteer: { $in: volunteers.map((v) => v.id) } });
    const lags = steps.flatMap((step) =>
      LADDER.map((rung, index) => {
        const key = `${volunteerWorkflowId(step.volunteer.id)}:confidentialityDeclaration:r1:${index}`;
        const arrived = arrivals.get(messageIdFor(key, PUBLIC_URL));
        if (arrived === undefined || !step.openedAt) throw new Error(`no email for ${key}`);
        return arrived - (step.openedAt.getTime() + rung.afterMs);
      }),
    );
    const lag = percentiles(lags);
    log(`  lag p50 ${lag.p50} ms, p95 ${lag.p95} ms, p99 ${lag.p99} ms`);
    return { dialect, volunteers: volunteers.length, perSecond, lag };
  } finally {
    await system.stop();
  }
}
