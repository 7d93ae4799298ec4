import { z } from 'zod';
import { LANGUAGES } from '../../infra/i18n/languages.ts';

/** Request schemas for the course-session endpoints; messages are written for the person filling in the form. */

const time = (what: string) => z.iso.datetime({ offset: true, error: `Give ${what} as an ISO date-time, e.g. 2026-03-02T18:00:00+01:00.` });
const volunteerIds = (what: string) =>
  z
    .array(z.uuid('Each volunteer is named by their ID (a UUID).'), { error: `List the volunteers ${what} (volunteerIds).` })
    .max(500, 'Name at most 500 volunteers at a time.');

export const createSessionBody = z
  .object({
    startsAt: time('the start'),
    minutes: z.number({ error: 'Give the length in minutes, e.g. 180.' }).int('Give the length in whole minutes.').min(15, 'A session lasts at least 15 minutes.').max(720, 'A session lasts at most 12 hours (720 minutes).').default(180),
    place: z.string({ error: 'Say where the session is held.' }).trim().min(1, 'Say where the session is held.').max(300, 'The place can be at most 300 characters.'),
    language: z.enum(LANGUAGES, { error: 'Language must be "nb" (bokmål), "nn" (nynorsk) or "en" (English).' }).optional(),
    leader: z.string({ error: 'Say who leads the session.' }).trim().min(1, 'Say who leads the session.').max(200, 'The leader\'s name can be at most 200 characters.'),
    capacity: z.number({ error: 'Give the number of seats, e.g. 12.' }).int('Give the number of seats as a whole number.').min(1, 'A session has at least one seat.').max(500, 'A session has at most 500 seats.'),
    serviceUnitIds: z.array(z.string().min(1)).max(100).default([]).describe('The units it is for; none: every unit.'),
    activityTypeIds: z.array(z.string().min(1)).max(100).default([]).describe('The activity types it is for; none: every type that needs the course.'),
  })
  .strict();

export type CreateSessionBody = z.infer<typeof createSessionBody>;

export const enrolBody = z.object({ volunteerIds: volunteerIds('to enrol').min(1, 'Choose at least one volunteer to enrol.') }).strict();

export const moveBody = z.object({ startsAt: time('the new start') }).strict();

export const attendanceBody = z.object({ attended: volunteerIds('who came') }).strict();

export const releaseParams = z.object({
  id: z.uuid().describe('The session\'s ID.'),
  volunteerId: z.uuid().describe('The volunteer\'s ID.'),
});

export const listSessionsQuery = z
  .object({
    from: z.iso.date({ error: 'Give from as a date, YYYY-MM-DD.' }).optional(),
    to: z.iso.date({ error: 'Give to as a date, YYYY-MM-DD.' }).optional(),
  })
  .strict();

export const waitingQuery = z.object({ serviceUnitId: z.string().min(1).optional() }).strict();
