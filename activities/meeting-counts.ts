import type { EntityManager } from '@mikro-orm/core';
import { Meeting } from '../infra/db/entities/index.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { MEETING_KINDS, type MeetingKind } from '../workflows/meeting/definitions.ts';
import type { MeetingCount } from '../workflows/meeting-count/definitions.ts';

/**
 * A year's meetings of each kind: held (attendance recorded), and planned (scheduled from `now` to
 * the year's end), against the policy's yearly number. Shared by the monthly check, the meetings
 * page and the annual report, so they never disagree.
 */
export async function countMeetings(em: EntityManager, policy: Policy, year: number, now = new Date()): Promise<Record<MeetingKind, MeetingCount>> {
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year + 1, 0, 1));
  const meetings = await em.find(Meeting, { startsAt: { $gte: start, $lt: end }, status: { $ne: 'cancelled' } }, { fields: ['kind', 'status', 'startsAt'] });
  const perYear = { network: policy.meetings.networkPerYear, dialogue: policy.meetings.dialoguePerYear };
  return Object.fromEntries(
    MEETING_KINDS.map((kind) => {
      const ofKind = meetings.filter((m) => m.kind === kind);
      return [kind, { held: ofKind.filter((m) => m.status === 'held').length, planned: ofKind.filter((m) => m.status === 'scheduled' && m.startsAt >= now).length, perYear: perYear[kind] }];
    }),
  ) as Record<MeetingKind, MeetingCount>;
}
