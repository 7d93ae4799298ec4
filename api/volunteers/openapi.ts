import {
  completeStepBody,
  contactBody,
  deviationBody,
  emptyBody,
  listVolunteersQuery,
  policeCertificateBody,
  registerVolunteerBody,
  roleBody,
  sessionBody,
  waiverBody,
} from './schemas.ts';
import { COMMAND_ACCESS } from './commands.ts';
import type { Operation } from '../openapi/operation.ts';
import { stepParams, uuidParam } from '../openapi/params.ts';

const tag = 'Volunteers';
const status = 'The volunteer and their lifecycle status once the change shows.';
/** What a lifecycle Update can answer besides success (api/errors.ts `fromTemporal`). */
const updateErrors = {
  409: 'The lifecycle is not running, or the step is not in a state that allows this.',
  503: 'The workflow engine is not answering, or no worker took the change in time; nothing was changed.',
};

/** A human action on one volunteer: an Update to their lifecycle. */
function action(path: string, summary: string, access: Operation['access'], rest: Partial<Operation> = {}): Operation {
  return {
    method: 'post',
    path: `/api/volunteers/:id${path}`,
    summary,
    tag,
    access,
    unitScoped: true,
    params: uuidParam,
    body: emptyBody,
    example: {},
    idempotencyKey: true,
    responses: { 200: status, ...updateErrors },
    ...rest,
  };
}

export const volunteersOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/volunteers',
    summary: 'Register a volunteer and start their onboarding',
    tag,
    access: COMMAND_ACCESS.register,
    unitScoped: true,
    body: registerVolunteerBody,
    example: { name: 'Kari Nordmann', email: 'kari@example.no', serviceUnitId: 'aktivitetshusene', activityTypeId: 'besoksvenn', birthYear: 1985 },
    idempotencyKey: true,
    responses: {
      201: 'The registered volunteer and their status; a retried Idempotency-Key answers the first registration, with the header Idempotent-Replayed: true.',
      403: 'The service unit is not one you work in.',
      503: 'The registration is saved (the body names its `id`) but the workflow engine is away; onboarding starts by itself when it is back.',
    },
  },
  {
    method: 'get',
    path: '/api/volunteers',
    summary: 'List volunteers, newest first, filtered by unit, phase and step',
    tag,
    access: 'staff',
    unitScoped: true,
    query: listVolunteersQuery,
    responses: {
      200: 'A page of volunteers: `items`, `total`, `limit`, `offset`. Only your units unless you are the coordinator.',
      403: 'Filtering on police certificates needs the coordinator or a certificate officer.',
    },
  },
  {
    method: 'get',
    path: '/api/volunteers/:id',
    summary: 'A volunteer and their lifecycle status',
    tag,
    access: 'staff',
    unitScoped: true,
    params: uuidParam,
    responses: { 200: 'The volunteer and their lifecycle status.' },
  },
  action('/steps/policeCertificate/record', 'Record the police certificate a volunteer presented', COMMAND_ACCESS.recordPoliceCertificate, {
    body: policeCertificateBody,
    example: { issuedOn: '2026-01-10', presentedOn: '2026-01-20', outcome: 'approved' },
  }),
  action('/steps/:step/complete', 'Mark a step done (the confidentiality declaration, or a session that took place)', COMMAND_ACCESS.completeStep, {
    params: stepParams,
    body: completeStepBody,
    responses: { 200: status, 422: 'The step cannot be completed this way, e.g. the police certificate (use …/record).', ...updateErrors },
  }),
  action('/steps/:step/session', 'Book the time of a session step (course or conversation)', COMMAND_ACCESS.bookSession, {
    params: stepParams,
    body: sessionBody,
    example: { at: '2026-03-02T18:00:00+01:00' },
  }),
  action('/steps/:step/waive', 'Waive the introduction course, with a reason', COMMAND_ACCESS.waiveCourse, {
    params: stepParams,
    body: waiverBody,
    example: { reason: 'Took the same course with another municipality last year.' },
    responses: { 200: status, 422: 'Only the introduction course can be waived.', ...updateErrors },
  }),
  action('/contact', 'Assign the volunteer\'s contact person', COMMAND_ACCESS.assignContact, {
    body: contactBody,
    example: { name: 'Per Hansen', email: 'per.hansen@kommune.no' },
  }),
  action('/pause', 'Pause an active volunteer', COMMAND_ACCESS.changePhase),
  action('/resume', 'Resume a paused volunteer', COMMAND_ACCESS.changePhase),
  action('/withdraw', 'Record that the volunteer withdrew', COMMAND_ACCESS.changePhase),
  action('/end', 'End the volunteer\'s assignment (starts the ending conversation)', COMMAND_ACCESS.changePhase),
  action('/role', 'Change the volunteer\'s activity type, and optionally their unit', COMMAND_ACCESS.changeRole, {
    body: roleBody,
    example: { activityTypeId: 'turvenn' },
    responses: { 200: status, 403: 'The new unit is not one you work in.', ...updateErrors },
  }),
  action('/deviations', 'Register a deviation (avvik) concerning the volunteer', COMMAND_ACCESS.registerDeviation, {
    body: deviationBody,
    example: { occurredOn: '2026-02-14', externalId: 'AVVIK-2026-118' },
    responses: { 201: status, ...updateErrors },
  }),
];
