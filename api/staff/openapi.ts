import { z } from 'zod';
import { staffApiSchemas } from './schemas.ts';
import type { Operation } from '../openapi/operation.ts';
import { uuidParam } from '../openapi/params.ts';

const tag = 'Staff';
const account = 'The staff account.';
const tokenParams = uuidParam.extend({ tokenId: z.uuid().describe('The API token\'s ID, from the token list.') });

export const staffOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/staff',
    summary: 'List staff accounts by email',
    tag,
    access: 'coordinator',
    responses: { 200: 'Every staff account (`items`): role, units, certificate officer, how they sign in, last sign-in, and whether disabled.' },
  },
  {
    method: 'post',
    path: '/api/staff',
    summary: 'Create a staff account',
    tag,
    access: 'coordinator',
    body: staffApiSchemas.create,
    example: { email: 'kari.nordmann@kommune.example.no', name: 'Kari Nordmann', role: 'contact', serviceUnitIds: ['aktivitetshusene'], certificateOfficer: false },
    responses: {
      201: `${account} \`password\` is the generated password, shown only in this answer; null with \`oidcOnly\`, when the person signs in only through the municipality's login.`,
      409: 'An account with this email exists.',
    },
  },
  {
    method: 'get',
    path: '/api/staff/:id',
    summary: 'A staff account',
    tag,
    access: 'coordinator',
    params: uuidParam,
    responses: { 200: account },
  },
  {
    method: 'put',
    path: '/api/staff/:id',
    summary: 'Change a staff account\'s name, role, units and certificate officer flag',
    tag,
    access: 'coordinator',
    params: uuidParam,
    body: staffApiSchemas.update,
    example: { name: 'Kari Nordmann', role: 'unitManager', serviceUnitIds: ['aktivitetshusene', 'sidebygningen'], certificateOfficer: true },
    responses: { 200: account, 409: 'It would leave no active coordinator.' },
  },
  {
    method: 'post',
    path: '/api/staff/:id/disable',
    summary: 'Disable a staff account: its sessions end and its API tokens are revoked',
    tag,
    access: 'coordinator',
    params: uuidParam,
    responses: { 200: account, 409: 'It is the only active coordinator.' },
  },
  {
    method: 'post',
    path: '/api/staff/:id/enable',
    summary: 'Enable a disabled staff account again',
    tag,
    access: 'coordinator',
    params: uuidParam,
    responses: { 200: account },
  },
  {
    method: 'get',
    path: '/api/staff/:id/tokens',
    summary: 'A staff account\'s API tokens, newest first',
    tag,
    access: 'coordinator',
    params: uuidParam,
    responses: { 200: 'The tokens (`items`) without their secrets: name, created, last used, revoked.' },
  },
  {
    method: 'post',
    path: '/api/staff/:id/tokens',
    summary: 'Issue an API token that acts as this staff account',
    tag,
    access: 'coordinator',
    params: uuidParam,
    body: staffApiSchemas.token,
    example: { name: 'Fagsystem-integrasjon' },
    responses: { 201: 'The token; `token` is the secret to send as `Authorization: Bearer <token>`, shown only in this answer.' },
  },
  {
    method: 'delete',
    path: '/api/staff/:id/tokens/:tokenId',
    summary: 'Revoke an API token',
    tag,
    access: 'coordinator',
    params: tokenParams,
    responses: { 200: 'The revoked token; calls with it answer 401 from now on.' },
  },
];
