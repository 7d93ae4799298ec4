import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { MEETING_KINDS, MEETING_STATUSES } from '../../../workflows/meeting/definitions.ts';
import { LANGUAGES } from '../../i18n/languages.ts';

/**
 * A network meeting (the units' volunteer contacts) or a dialogue meeting (the organisations with
 * an agreement in force). Its `meeting` workflow sends the invitations and reminders; `startsAt`,
 * `sequence` and a cancellation are projected from it, attendance and the minutes are recorded here.
 */
export const Meeting = defineEntity({
  name: 'Meeting',
  properties: {
    id: p.uuid().primary(),
    kind: p.enum([...MEETING_KINDS]).index(),
    title: p.string().length(200),
    agenda: p.text(),
    place: p.string().length(300),
    startsAt: p.datetime().index(),
    minutes: p.integer(),
    /** A network meeting's units (none: every unit); a dialogue meeting names none. */
    serviceUnitIds: p.json<string[]>(),
    status: p.enum([...MEETING_STATUSES]).default('scheduled'),
    /** The invitations' generation: increases with every move and the cancellation. */
    sequence: p.integer().default(0),
    /** Where the minutes are: a URL or a case number in the quality system, never the document itself. */
    minutesReference: p.string().length(500).nullable(),
    createdBy: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type Meeting = InferEntity<typeof Meeting>;

export const INVITEE_KINDS = ['unitContact', 'staff', 'volunteerContact', 'organisation'] as const;
export const RSVP_ANSWERS = ['pending', 'yes', 'no'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/** One person invited to a meeting, as resolved when it was planned, with their answer and whether they came. */
export const MeetingInvitation = defineEntity({
  name: 'MeetingInvitation',
  properties: {
    id: p.integer().primary().autoincrement(),
    meetingId: p.uuid().index(),
    inviteeKind: p.enum([...INVITEE_KINDS]),
    /** The unit, staff account or organisation the invitation came from. */
    inviteeId: p.string().length(100),
    name: p.string().length(200),
    email: p.string().length(254),
    language: p.enum(LANGUAGES),
    rsvp: p.enum([...RSVP_ANSWERS]).default('pending'),
    respondedAt: p.datetime().nullable(),
    attended: p.boolean().nullable(),
  },
  uniques: [{ properties: ['meetingId', 'email'] }],
});

export type MeetingInvitation = InferEntity<typeof MeetingInvitation>;
