import { z } from 'zod';
import { MEETING_KINDS } from '../../workflows/meeting/definitions.ts';

/** Request schemas for the meeting endpoints; messages are written for the person filling in the form. */

const time = (what: string) => z.iso.datetime({ offset: true, error: `Give ${what} as an ISO date-time, e.g. 2026-03-02T18:00:00+01:00.` });
const text = (what: string, max: number) => z.string({ error: `Write ${what}.` }).trim().min(1, `Write ${what}.`).max(max, `${what[0]!.toUpperCase()}${what.slice(1)} can be at most ${max} characters.`);

export const createMeetingBody = z
  .object({
    kind: z.enum(MEETING_KINDS, { error: 'Kind must be "network" (the volunteer contacts) or "dialogue" (the organisations with an agreement).' }),
    title: text('the meeting\'s title', 200),
    agenda: text('the agenda', 5000),
    place: text('where the meeting is held', 300),
    startsAt: time('the start'),
    minutes: z.number({ error: 'Give the length in minutes, e.g. 120.' }).int('Give the length in whole minutes.').min(15, 'A meeting lasts at least 15 minutes.').max(720, 'A meeting lasts at most 12 hours (720 minutes).').default(120),
    serviceUnitIds: z.array(z.string().min(1)).max(100).default([]).describe('A network meeting\'s units (none: every unit); a dialogue meeting names none.'),
  })
  .strict()
  .refine((body) => body.kind === 'network' || body.serviceUnitIds.length === 0, {
    path: ['serviceUnitIds'],
    message: 'A dialogue meeting invites every organisation with an agreement in force; it names no units.',
  });

export const moveMeetingBody = z.object({ startsAt: time('the new start') }).strict();

export const meetingAttendanceBody = z
  .object({ attended: z.array(z.number().int().positive(), { error: 'List the invitations of those who came (attended), by their numbers.' }).max(1000) })
  .strict();

/** A web address, or a case number in the quality system (e.g. 2026/1234): where the minutes are, never the minutes. */
const MINUTES_REFERENCE = /^(https?:\/\/\S+|[\p{L}\p{N}][\p{L}\p{N} ./_:-]{0,99})$/u;

export const minutesBody = z
  .object({
    minutesReference: z
      .string({ error: 'Give where the minutes are: a web address or a case number.' })
      .trim()
      .min(1, 'Give where the minutes are: a web address or a case number.')
      .max(500, 'The reference can be at most 500 characters.')
      .regex(MINUTES_REFERENCE, 'Give a web address (https://…) or a case number such as 2026/1234, not the minutes themselves.'),
  })
  .strict();

export const rsvpBody = z.object({ answer: z.enum(['yes', 'no'], { error: 'Answer "yes" or "no".' }) }).strict();

export const listMeetingsQuery = z
  .object({
    from: z.iso.date({ error: 'Give from as a date, YYYY-MM-DD.' }).optional(),
    to: z.iso.date({ error: 'Give to as a date, YYYY-MM-DD.' }).optional(),
    kind: z.enum(MEETING_KINDS, { error: 'Kind must be "network" or "dialogue".' }).optional(),
  })
  .strict();

export const countsQuery = z.object({ year: z.coerce.number({ error: 'Give the year, e.g. 2026.' }).int().min(2000).max(2100).optional() }).strict();
