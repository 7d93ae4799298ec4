import type { MikroORM } from '@mikro-orm/core';
import { ApplicationFailure } from '@temporalio/common';
import { Meeting, MeetingInvitation } from '../infra/db/entities/index.ts';
import { forEachInParallel } from '../infra/in-parallel.ts';
import { linkPath, type LinkSigner } from '../infra/links/signed-links.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { osloDay } from '../workflows/link-request/definitions.ts';
import type { MeetingKind, MeetingMailing } from '../workflows/meeting/definitions.ts';
import { fallingShort } from '../workflows/meeting-count/shortfall.ts';
import { meetingCountShortEmail, meetingEmail } from './emails/meeting.ts';
import { countMeetings } from './meeting-counts.ts';
import type { Deliver } from './outbox.ts';

export interface MeetingMailingInput {
  meetingId: string;
  mailing: MeetingMailing;
  /** Unique per mailing; each invited person's email is keyed under it, so a retry sends nobody twice. */
  key: string;
  startsAt: string;
  sequence: number;
}

interface MeetingDeps {
  orm: MikroORM;
  deliver: Deliver;
  policy: Policy;
  publicUrl: string;
  links: LinkSigner;
}

const TEMPLATE = { invitation: 'meetingInvitation', reminder: 'meetingReminder', cancellation: 'meetingCancelled' } as const;
/** The answer link works until the meeting, and at least a day, so a late reminder's link still opens. */
const MIN_RSVP_VALIDITY_MS = 86_400_000;

/** Oslo's year and month (1–12) at an instant: the calendar the policy's yearly numbers count in. */
function osloMonth(at: Date): { year: number; month: number } {
  const [year, month] = osloDay(at).split('-').map(Number) as [number, number];
  return { year, month };
}

export function createMeetingActivities({ orm, deliver, policy, publicUrl, links }: MeetingDeps) {
  return {
    /**
     * Projects the meeting's time and generation, then sends one mailing to everyone invited (a
     * reminder skips those who said no). A move resets the answers: the new time needs a new one.
     */
    async sendMeetingMailing(input: MeetingMailingInput): Promise<{ sent: number }> {
      const em = orm.em.fork();
      const startsAt = new Date(input.startsAt);
      const changed = await em.nativeUpdate(
        Meeting,
        { id: input.meetingId, sequence: { $lt: input.sequence } },
        { startsAt, sequence: input.sequence, ...(input.mailing === 'cancellation' ? { status: 'cancelled' as const } : {}) },
      );
      if (changed && input.mailing === 'invitation') await em.nativeUpdate(MeetingInvitation, { meetingId: input.meetingId }, { rsvp: 'pending', respondedAt: null });
      const meeting = await em.findOne(Meeting, { id: input.meetingId });
      if (!meeting) throw ApplicationFailure.nonRetryable(`No meeting ${input.meetingId}`, 'MeetingNotFound');
      // A newer move or the cancellation has superseded this mailing; its own mailing follows.
      if (meeting.sequence !== input.sequence) return { sent: 0 };
      const invited = await em.find(MeetingInvitation, { meetingId: meeting.id, ...(input.mailing === 'reminder' ? { rsvp: { $ne: 'no' as const } } : {}) }, { orderBy: { id: 'asc' } });
      const validForMs = Math.max(MIN_RSVP_VALIDITY_MS, startsAt.getTime() - Date.now());
      await forEachInParallel(invited, 8, async (invitation) => {
        await deliver(`${input.key}:${invitation.id}`, () => {
          const rendered = meetingEmail(input.mailing, {
            language: invitation.language,
            meetingId: meeting.id,
            kind: meeting.kind,
            title: meeting.title,
            agenda: meeting.agenda,
            place: meeting.place,
            startsAt,
            minutes: meeting.minutes,
            municipalityName: policy.municipality.name,
            rsvpUrl: `${publicUrl}${linkPath('meetingRsvp', links.sign(String(invitation.id), 'meetingRsvp', validForMs))}`,
            hostname: new URL(publicUrl).hostname,
            issuedAt: new Date(),
            sequence: input.sequence,
          });
          return Promise.resolve({ recipient: invitation.email, template: TEMPLATE[input.mailing], rendered });
        });
      });
      return { sent: invited.length };
    },

    /** Tells the coordinator, once a month and kind at most, when the year's meetings fall behind the policy's pace. */
    async checkMeetingCounts({ at }: { at: string }): Promise<{ short: MeetingKind[] }> {
      const { year, month } = osloMonth(new Date(at));
      const counts = await countMeetings(orm.em.fork(), policy, year, new Date(at));
      const short = (Object.keys(counts) as MeetingKind[]).filter((kind) => fallingShort(counts[kind], month));
      for (const kind of short) {
        const count = counts[kind];
        await deliver(`meeting-count:${year}-${month}:${kind}`, () =>
          Promise.resolve({
            recipient: policy.municipality.coordinatorEmail,
            template: 'meetingCountShort',
            rendered: meetingCountShortEmail({ language: policy.language, municipalityName: policy.municipality.name, kind, year, ...count, plannerUrl: `${publicUrl}/meetings` }),
          }),
        );
      }
      return { short };
    },
  };
}
