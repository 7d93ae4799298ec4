import {
  agreementContent,
  agreementDeviationBody,
  completeReviewBody,
  listAgreementsQuery,
  newAgreementBody,
  signBody,
} from './schemas.ts';
import { emptyBody } from '../volunteers/schemas.ts';
import type { Operation } from '../openapi/operation.ts';
import { uuidParam } from '../openapi/params.ts';

const tag = 'Agreements';
const agreement = 'The agreement with its versions and reviews.';
/** What an Update to the agreement's workflow can answer besides success. */
const updateErrors = {
  409: 'The agreement is not in a state that allows this (e.g. no review is open).',
  503: 'The workflow engine is not answering; nothing was changed.',
};

const content = {
  serviceUnitIds: ['aktivitetshusene'],
  activityTypeIds: ['besoksvenn'],
  municipalContact: { name: 'Per Hansen', email: 'per.hansen@kommune.no' },
  startDate: '2026-01-01',
  qualitySystemRef: 'KS-FRIVILLIG-12',
  sections: { purposeAndTargetGroup: 'Besøksvenner for eldre som bor hjemme og ønsker selskap.' },
};

export const agreementsOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/agreements',
    summary: 'Draft a cooperation agreement (samarbeidsavtale) with an organisation',
    tag,
    access: 'coordinator',
    body: newAgreementBody,
    example: { organisationId: '5f0c7a1e-8d3b-4a57-9f1e-2b6c0d4e8a91', ...content },
    responses: { 201: agreement, 503: 'The draft is saved, but the workflow engine is not answering.' },
  },
  {
    method: 'get',
    path: '/api/agreements',
    summary: 'List agreements, the next review first',
    tag,
    access: 'staff',
    unitScoped: true,
    query: listAgreementsQuery,
    responses: { 200: 'A page of agreements: `items`, `total`, `limit`, `offset`. Only those covering your units unless you are the coordinator.' },
  },
  {
    method: 'get',
    path: '/api/agreements/:id',
    summary: 'An agreement',
    tag,
    access: 'staff',
    unitScoped: true,
    params: uuidParam,
    responses: { 200: agreement },
  },
  {
    method: 'put',
    path: '/api/agreements/:id/draft',
    summary: 'Replace the contents of a draft agreement',
    tag,
    access: 'coordinator',
    params: uuidParam,
    body: agreementContent,
    example: content,
    responses: { 200: agreement, 409: 'The agreement is signed; it changes through a revision at its review.' },
  },
  {
    method: 'post',
    path: '/api/agreements/:id/sign',
    summary: 'Record that a complete draft was signed',
    tag,
    access: 'coordinator',
    params: uuidParam,
    body: signBody,
    example: { signedOn: '2026-01-15' },
    idempotencyKey: true,
    responses: { 200: agreement, 422: 'A required part of the agreement is missing; `fields` names each.', ...updateErrors },
  },
  {
    method: 'post',
    path: '/api/agreements/:id/review/start',
    summary: 'Start the agreement\'s review early',
    tag,
    access: 'writer',
    unitScoped: true,
    params: uuidParam,
    body: emptyBody,
    example: {},
    idempotencyKey: true,
    responses: { 200: agreement, ...updateErrors },
  },
  {
    method: 'post',
    path: '/api/agreements/:id/review/complete',
    summary: 'Complete the open review: continue, revise or terminate the agreement',
    tag,
    access: 'writer',
    unitScoped: true,
    params: uuidParam,
    body: completeReviewBody,
    example: {
      outcome: 'continued',
      answers: {
        stillWantedByUsers: 'Ja, alle tolv brukerne ønsker å fortsette.',
        deviations: 'Ett avvik, fulgt opp i mars.',
        rolesClear: 'Ja.',
        trainingNeeds: 'Oppfriskning i taushetsplikt til høsten.',
        hours: 'Om lag 600 timer i året.',
        insuranceAndExpensesCurrent: 'Ja, forsikringen er fornyet.',
      },
    },
    idempotencyKey: true,
    responses: { 200: agreement, 422: 'An answer is missing, or the revision is incomplete; see `fields`.', ...updateErrors },
  },
  {
    method: 'post',
    path: '/api/agreements/:id/deviations',
    summary: 'Register a deviation (avvik) under the agreement',
    tag,
    access: 'writer',
    unitScoped: true,
    params: uuidParam,
    body: agreementDeviationBody,
    example: { occurredOn: '2026-02-14' },
    idempotencyKey: true,
    responses: { 201: agreement, ...updateErrors },
  },
];
