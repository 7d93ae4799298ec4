import type { EntityManager } from '@mikro-orm/core';
import { Meeting, MeetingInvitation } from '../../infra/db/entities/index.ts';
import type { RsvpAnswer } from '../../infra/db/entities/meeting.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import type { MeetingKind, MeetingStatus } from '../../workflows/meeting/definitions.ts';
import { seesEventFor } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { notFound } from '../http/errors.ts';
import { isUuid } from '../volunteers/schemas.ts';

/** A meeting the principal may see; any other ID is 404, so a contact cannot learn of other units' meetings. */
export async function loadMeeting(em: EntityManager, id: string, principal: Principal): Promise<Meeting> {
  const meeting = isUuid(id) ? await em.findOne(Meeting, { id }) : null;
  if (!meeting || !seesEventFor(principal, meeting.serviceUnitIds)) throw notFound(`Meeting ${id}`);
  return meeting;
}

export interface InvitationEntry {
  id: number;
  name: string;
  email: string;
  inviteeKind: MeetingInvitation['inviteeKind'];
  rsvp: RsvpAnswer;
  attended: boolean | null;
}

function counts(invitations: Pick<MeetingInvitation, 'rsvp' | 'attended'>[]) {
  return {
    invited: invitations.length,
    yes: invitations.filter((i) => i.rsvp === 'yes').length,
    no: invitations.filter((i) => i.rsvp === 'no').length,
    attended: invitations.filter((i) => i.attended).length,
  };
}

function summary(meeting: Meeting, policy: Policy, invitations: Pick<MeetingInvitation, 'rsvp' | 'attended'>[]) {
  return {
    id: meeting.id,
    kind: meeting.kind,
    title: meeting.title,
    agenda: meeting.agenda,
    place: meeting.place,
    startsAt: meeting.startsAt.toISOString(),
    minutes: meeting.minutes,
    serviceUnitIds: meeting.serviceUnitIds,
    units: meeting.serviceUnitIds.map((id) => policy.serviceUnits.find((u) => u.id === id)?.name ?? id),
    status: meeting.status as MeetingStatus,
    sequence: meeting.sequence,
    minutesReference: meeting.minutesReference ?? null,
    ...counts(invitations),
  };
}

export type MeetingSummary = ReturnType<typeof summary>;
export type MeetingView = MeetingSummary & { invitations: InvitationEntry[] };

export async function meetingView(em: EntityManager, policy: Policy, meeting: Meeting): Promise<MeetingView> {
  const invitations = await em.find(MeetingInvitation, { meetingId: meeting.id }, { orderBy: { name: 'asc' } });
  return {
    ...summary(meeting, policy, invitations),
    invitations: invitations.map((i) => ({ id: i.id, name: i.name, email: i.email, inviteeKind: i.inviteeKind, rsvp: i.rsvp, attended: i.attended ?? null })),
  };
}

/** Meetings the principal sees, soonest first, from a day on (default: today) to an optional last day. */
export async function listMeetings(
  em: EntityManager,
  policy: Policy,
  principal: Principal,
  range: { from?: string | undefined; to?: string | undefined; kind?: MeetingKind | undefined } = {},
): Promise<MeetingSummary[]> {
  const from = new Date(`${range.from ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const to = range.to ? new Date(`${range.to}T23:59:59.999Z`) : undefined;
  const meetings = (
    await em.find(Meeting, { startsAt: { $gte: from, ...(to ? { $lte: to } : {}) }, ...(range.kind ? { kind: range.kind } : {}) }, { orderBy: { startsAt: 'asc' } })
  ).filter((m) => seesEventFor(principal, m.serviceUnitIds));
  const invitations = await em.find(MeetingInvitation, { meetingId: { $in: meetings.map((m) => m.id) } }, { fields: ['meetingId', 'rsvp', 'attended'] });
  return meetings.map((m) => summary(m, policy, invitations.filter((i) => i.meetingId === m.id)));
}
