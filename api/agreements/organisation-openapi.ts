import { organisationBody, recruitmentUrlBody } from './schemas.ts';
import type { Operation } from '../openapi/operation.ts';
import { uuidParam } from '../openapi/params.ts';

const tag = 'Organisations';

export const organisationsOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/organisations',
    summary: 'Register a volunteer organisation',
    tag,
    access: 'coordinator',
    body: organisationBody,
    example: {
      name: 'Tønsberg Røde Kors',
      organisationNumber: '974 761 076',
      registeredInFrivillighetsregisteret: true,
      contact: { name: 'Ola Nordmann', email: 'ola@rodekors.example.no', phone: '+47 912 34 567' },
      recruitmentUrl: 'https://www.rodekors.no/lokalforeninger/vestfold/tonsberg/',
    },
    responses: { 201: 'The organisation.', 409: 'An organisation with this organisation number is already registered.' },
  },
  {
    method: 'get',
    path: '/api/organisations',
    summary: 'List organisations by name',
    tag,
    access: 'staff',
    unitScoped: true,
    responses: { 200: 'The organisations (`items`): all for the coordinator, else those with an agreement covering your units.' },
  },
  {
    method: 'get',
    path: '/api/organisations/:id',
    summary: 'An organisation',
    tag,
    access: 'staff',
    unitScoped: true,
    params: uuidParam,
    responses: { 200: 'The organisation.' },
  },
  {
    method: 'put',
    path: '/api/organisations/:id/recruitment-url',
    summary: 'Link the organisation\'s public page under /bli-frivillig to its own recruitment (the frivilligtorg, say), or remove the link with null',
    tag,
    access: 'coordinator',
    params: uuidParam,
    body: recruitmentUrlBody,
    example: { recruitmentUrl: 'https://www.frivilligsentral.no/tonsberg' },
    responses: { 200: 'The organisation.' },
  },
];
