import type { EntityManager } from '@mikro-orm/core';
import type { UpdateDefinition } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { Meeting, MeetingInvitation } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { cancelMeetingUpdate, meetingWorkflowId, moveMeetingUpdate, type MeetingState } from '../../workflows/meeting/definitions.ts';
import type { Access } from '../auth/access.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { HttpError } from '../http/errors.ts';
import { parse } from '../http/parse.ts';
import { startMeeting, updateWorkflow, type TemporalDeps } from '../http/temporal-calls.ts';
import { unknownIds } from '../courses/commands.ts';
import { idempotencyKeyHeader } from '../volunteers/schemas.ts';
import { inviteesOf } from './invitees.ts';
import { loadMeeting, meetingView, type MeetingView } from './queries.ts';
import { createMeetingBody, meetingAttendanceBody, minutesBody, moveMeetingBody } from './schemas.ts';

export interface MeetingsDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
}

/** The coordinator plans and keeps the meetings; every staff member sees those of their units. */
export const MEETING_ACCESS = {
  read: 'staff',
  create: 'coordinator',
  move: 'coordinator',
  cancel: 'coordinator',
  attendance: 'coordinator',
  minutes: 'coordinator',
} as const satisfies Record<string, Access>;

/** Plans a meeting, resolves whom it invites, and starts the workflow that sends the invitations and reminders. */
export async function createMeeting({ em, policy, temporal }: MeetingsDeps, principal: Principal, input: unknown): Promise<MeetingView> {
  const body = parse(createMeetingBody, input ?? {});
  unknownIds(body.serviceUnitIds, policy.serviceUnits, 'serviceUnitIds');
  if (Date.parse(body.startsAt) <= Date.now()) throw new HttpError(422, 'InvalidInput', 'The meeting must start in the future.', [{ field: 'startsAt', message: 'Choose a time in the future.' }]);
  const invitees = await inviteesOf(em(), policy, body.kind, body.serviceUnitIds);
  if (!invitees.length) {
    const why = body.kind === 'network' ? 'The chosen units have no volunteer contact.' : 'No organisation has an agreement in force; register an agreement first.';
    throw new HttpError(422, 'NobodyToInvite', why, [{ field: body.kind === 'network' ? 'serviceUnitIds' : 'kind', message: why }]);
  }
  const meeting = em().create(Meeting, { id: randomUUID(), ...body, startsAt: new Date(body.startsAt), createdBy: actorOf(principal) });
  for (const invitee of invitees) em().create(MeetingInvitation, { meetingId: meeting.id, ...invitee });
  await em().flush();
  try {
    await startMeeting(temporal, policy, meeting);
  } catch (error) {
    await em().nativeDelete(MeetingInvitation, { meetingId: meeting.id });
    await em().remove(meeting).flush();
    throw error;
  }
  return meetingView(em(), policy, meeting);
}

/** Only a meeting still ahead can be moved or called off: its workflow ends when it begins. */
function ahead(meeting: Meeting): void {
  if (meeting.status === 'cancelled') throw new HttpError(409, 'MeetingClosed', 'The meeting is cancelled; nothing on it can change any more.');
  if (meeting.startsAt.getTime() <= Date.now()) throw new HttpError(409, 'MeetingBegun', 'The meeting has already begun; record attendance and the minutes instead.');
}

async function act<Arg>(deps: MeetingsDeps, principal: Principal, meetingId: string, update: UpdateDefinition<MeetingState, [Arg]>, arg: Arg, idempotencyKey?: string): Promise<MeetingView> {
  const meeting = await loadMeeting(deps.em(), meetingId, principal);
  ahead(meeting);
  const updateId = idempotencyKey === undefined ? undefined : parse(idempotencyKeyHeader, idempotencyKey);
  const state = await updateWorkflow(deps.temporal, meetingWorkflowId(meeting.id), update, arg, updateId);
  deps.em().clear();
  const view = await meetingView(deps.em(), deps.policy, await loadMeeting(deps.em(), meetingId, principal));
  // A large mailing may still be going out, and it writes the new time to the table as it starts: answer with the workflow's.
  return view.sequence >= state.sequence ? view : { ...view, startsAt: state.startsAt, status: state.status, sequence: state.sequence };
}

/** A new time: everyone invited gets one new invitation (same calendar entry, higher SEQUENCE), and is asked again whether they come. */
export function moveMeeting(deps: MeetingsDeps, principal: Principal, meetingId: string, input: unknown, options: { idempotencyKey?: string | undefined } = {}) {
  const { startsAt } = parse(moveMeetingBody, input ?? {});
  return act(deps, principal, meetingId, moveMeetingUpdate, { startsAt, actor: actorOf(principal) }, options.idempotencyKey);
}

/** Calls the meeting off: everyone invited gets one cancellation for their calendar. */
export function cancelMeeting(deps: MeetingsDeps, principal: Principal, meetingId: string, options: { idempotencyKey?: string | undefined } = {}) {
  return act(deps, principal, meetingId, cancelMeetingUpdate, { actor: actorOf(principal) }, options.idempotencyKey);
}

function begun(meeting: Meeting): void {
  if (meeting.status === 'cancelled') throw new HttpError(409, 'MeetingClosed', 'The meeting was cancelled.');
  if (meeting.startsAt.getTime() > Date.now()) throw new HttpError(409, 'NotYet', 'Attendance and minutes are recorded once the meeting has begun.');
}

/** One form for everyone invited: those named came, the rest did not. The meeting then counts as held; sending it again corrects it. */
export async function recordMeetingAttendance(deps: MeetingsDeps, principal: Principal, meetingId: string, input: unknown): Promise<MeetingView> {
  const { attended } = parse(meetingAttendanceBody, input ?? {});
  const em = deps.em();
  const meeting = await loadMeeting(em, meetingId, principal);
  begun(meeting);
  const invitations = await em.find(MeetingInvitation, { meetingId: meeting.id });
  const strangers = attended.filter((id) => !invitations.some((i) => i.id === id));
  if (strangers.length) throw new HttpError(422, 'NotInvited', `Only those invited can be marked as present; not invited: ${strangers.join(', ')}.`, [{ field: 'attended', message: 'Tick only people on the invitation list.' }]);
  const present = new Set(attended);
  for (const invitation of invitations) invitation.attended = present.has(invitation.id);
  meeting.status = 'held';
  await em.flush();
  return meetingView(em, deps.policy, meeting);
}

/** Where the minutes are: a web address or a case number in the quality system, never the document itself. */
export async function recordMinutes(deps: MeetingsDeps, principal: Principal, meetingId: string, input: unknown): Promise<MeetingView> {
  const { minutesReference } = parse(minutesBody, input ?? {});
  const em = deps.em();
  const meeting = await loadMeeting(em, meetingId, principal);
  begun(meeting);
  meeting.minutesReference = minutesReference;
  await em.flush();
  return meetingView(em, deps.policy, meeting);
}
