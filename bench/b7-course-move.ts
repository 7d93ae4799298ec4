import { messageIdFor } from '../activities/outbox.ts';
import { startLifecycle } from '../api/http/temporal-calls.ts';
import type { Dialect } from '../infra/db/orm.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { volunteerWorkflowId } from '../workflows/volunteer-lifecycle/definitions.ts';
import type { Engine } from './engine.ts';
import { call } from './http.ts';
import { seedRegisteredVolunteers } from './seed.ts';
import { PUBLIC_URL, startSystem, type System } from './system.ts';

export interface CourseMoveFigures {
  dialect: Dialect;
  enrolled: number;
  /** From the move request sent to the last of its invitations in the sink. */
  ms: number;
  /** From the move request sent to the first of its invitations in the sink. */
  firstMs: number;
  /** How long the move request took to answer. */
  answeredMs: number;
  /** The move's invitations in the sink, found by their Message-IDs. */
  invitations: number;
  /** Every email that arrived after the move request, invitations or not: a duplicate shows here. */
  emails: number;
}

const DAY = 86_400_000;
/** How long the sink is watched after the last invitation, so a duplicate sent late is still counted. */
const SETTLE_MS = 5_000;

/**
 * The Message-ID of the invitation a move sends, from the key bookSession (transitions.ts) gives it:
 * the course step's first round, its second booking (the enrolment made the first).
 */
const moveInvitationId = (volunteerId: string) => messageIdFor(`${volunteerWorkflowId(volunteerId)}:session:introductionCourse:1:2`, PUBLIC_URL);

async function post(system: System, path: string, body: unknown, status: number): Promise<unknown> {
  const answer = await call(`${system.api.url}${path}`, { method: 'POST', headers: system.api.headers, body });
  if (answer.status !== status) throw new Error(`POST ${path} answered ${answer.status}: ${answer.text}`);
  return JSON.parse(answer.text);
}

/**
 * B7: a course session with `enrolled` volunteers on its roster is moved through
 * `POST /api/courses/:id/move`, timed from the request to the last of the new invitations in the
 * SMTP sink. The session is a month away under the shipped policy, so no reminder falls due
 * meanwhile. The enrolment's invitations are all in before the move, and the sink is watched a
 * while after it, so every email counted after the request is the move's.
 */
export async function measureCourseMove(engine: Engine, dialect: Dialect, policy: Policy, enrolled: number, log: (line: string) => void): Promise<CourseMoveFigures> {
  const system = await startSystem(engine, dialect, { policy, worker: true });
  try {
    // A visiting friend needs the introduction course: it opens with onboarding, before the welcome email.
    const volunteers = await seedRegisteredVolunteers(system.db.orm, policy, enrolled);
    await Promise.all(volunteers.map((volunteer) => startLifecycle(system.temporal, policy, volunteer)));
    await system.sink.waitForCount(enrolled, 120_000);

    const startsAt = Date.now() + 30 * DAY;
    const session = (await post(system, '/api/courses', { startsAt: new Date(startsAt).toISOString(), place: 'Frivillighetshuset, sal 2', leader: 'Kari Leder', capacity: enrolled }, 201)) as { id: string };
    // Everyone in one request, as the waiting list's «enrol the chosen» sends them.
    const enrolling = performance.now();
    const { results } = (await post(system, `/api/courses/${session.id}/enrolments`, { volunteerIds: volunteers.map((v) => v.id) }, 200)) as { results: { outcome: string }[] };
    log(`  enrolment of ${volunteers.length} in one request answered in ${Math.round(performance.now() - enrolling)} ms`);
    const refused = results.filter((r) => r.outcome !== 'enrolled');
    if (refused.length) throw new Error(`${refused.length} of ${volunteers.length} were not enrolled: ${JSON.stringify(refused[0])}`);
    await system.sink.waitForCount(2 * enrolled, 120_000);
    const before = system.sink.received.length;

    const sentAt = Date.now();
    await post(system, `/api/courses/${session.id}/move`, { startsAt: new Date(startsAt + DAY).toISOString() }, 200);
    const answeredMs = Date.now() - sentAt;
    await system.sink.waitForCount(before + enrolled, 120_000);
    log(`  ${enrolled} emails in after the move; watching for extras`);
    await system.sink.waitForQuiet(SETTLE_MS, 60_000);
    if (system.apiErrors.length) throw new Error(`the API logged errors:\n${system.apiErrors.join('\n')}`);

    const expected = new Set(volunteers.map((v) => moveInvitationId(v.id)));
    const after = system.sink.received.slice(before);
    const invitations = after.filter((m) => expected.has(m.messageId));
    const arrivals = invitations.map((m) => m.at - sentAt);
    const [firstMs, ms] = [Math.min(...arrivals), Math.max(...arrivals)];
    log(`  move answered in ${answeredMs} ms; its invitations arrived from ${firstMs} ms to ${ms} ms; ${after.length} emails in all`);
    return { dialect, enrolled, ms, firstMs, answeredMs, invitations: new Set(invitations.map((m) => m.messageId)).size, emails: after.length };
  } finally {
    await system.stop();
  }
}
