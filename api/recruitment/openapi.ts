import type { Operation } from '../openapi/operation.ts';
import { uuidParam } from '../openapi/params.ts';
import { APPLICATION_ACCESS } from './commands.ts';
import { acceptApplicationBody, decisionBody, listApplicationsQuery } from './schemas.ts';

const tag = 'Applications';
const application =
  'The application as it now stands: `status`, what the applicant gave (until it is anonymised), the role (`activityTypeId`), the units asked for, the privacy notice version confirmed, and after acceptance `volunteerId`.';
const decisionErrors = {
  409: 'The application is no longer open for this decision (accepted, declined or withdrawn).',
  503: 'The workflow engine is not answering, or no worker took the decision in time; nothing was changed.',
};

export const applicationsOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/applications',
    summary: 'The queue: confirmed public applications waiting for a decision, oldest first',
    tag,
    access: APPLICATION_ACCESS.read,
    unitScoped: true,
    query: listApplicationsQuery,
    responses: { 200: 'The applications (`items`) waiting for a decision (open or invited), or of one `status`; a contact sees those naming one of their units.' },
  },
  {
    method: 'get',
    path: '/api/applications/:id',
    summary: 'One application',
    tag,
    access: APPLICATION_ACCESS.read,
    unitScoped: true,
    params: uuidParam,
    responses: { 200: application },
  },
  {
    method: 'post',
    path: '/api/applications/:id/accept',
    summary: 'Accept: register the applicant as a volunteer in one of the units they asked for and start their onboarding, with the same welcome as a staff registration',
    tag,
    access: APPLICATION_ACCESS.decide,
    unitScoped: true,
    params: uuidParam,
    body: acceptApplicationBody,
    example: { serviceUnitId: 'aktivitetshusene' },
    idempotencyKey: true,
    responses: { 200: application, ...decisionErrors },
  },
  {
    method: 'post',
    path: '/api/applications/:id/invite',
    summary: 'Invite the applicant to a conversation before deciding; they get an email naming the unit\'s volunteer contact',
    tag,
    access: APPLICATION_ACCESS.decide,
    unitScoped: true,
    params: uuidParam,
    body: decisionBody,
    example: {},
    idempotencyKey: true,
    responses: { 200: application, ...decisionErrors },
  },
  {
    method: 'post',
    path: '/api/applications/:id/decline',
    summary: 'Decline, with a kind email in the applicant\'s language; the application is anonymised after the policy\'s time',
    tag,
    access: APPLICATION_ACCESS.decide,
    unitScoped: true,
    params: uuidParam,
    body: decisionBody,
    example: {},
    idempotencyKey: true,
    responses: { 200: application, ...decisionErrors },
  },
];
