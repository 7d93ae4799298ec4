import { erasureBody, volunteerAuditQuery } from './schemas.ts';
import type { Operation } from '../openapi/operation.ts';
import { uuidParam } from '../openapi/params.ts';

const tag = 'Privacy';

export const privacyOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/volunteers/:id/export',
    summary: 'Everything stored about a volunteer, for their access request (innsyn)',
    tag,
    access: 'coordinator',
    unitScoped: true,
    params: uuidParam,
    responses: {
      200:
        'A JSON file (`Content-Disposition: attachment`, named with the export date) in the volunteer\'s language: each category of data ' +
        '(`categories`) with its records, its retention date and rule, and its legal basis in plain words, then the volunteer\'s rights. ' +
        'Police certificates appear only as the fact that one was shown; their content is never stored. The export is logged.',
    },
  },
  {
    method: 'post',
    path: '/api/volunteers/:id/erasure',
    summary: 'Erase a volunteer\'s data on their request, keeping archive documents',
    tag,
    access: 'coordinator',
    unitScoped: true,
    params: uuidParam,
    body: erasureBody,
    example: { reason: 'The volunteer asked for erasure by email.', receivedOn: '2026-01-20' },
    responses: {
      200:
        'The receipt: what was erased (`erased`), kept without a name (`deIdentified`) and kept as an archive document and why (`kept`), ' +
        'the one-month deadline and whether it was met, and the volunteer\'s rights, including the complaint to Datatilsynet. ' +
        'The lifecycle is ended first; the audit log records the erasure by ID only, and the reason is not stored.',
      409: 'The volunteer\'s personal data is already anonymised.',
      503: 'The workflow engine is not answering, so the lifecycle could not be ended; nothing was erased.',
    },
  },
  {
    method: 'get',
    path: '/api/volunteers/:id/audit',
    summary: 'The audit trail of a volunteer, filtered',
    tag,
    access: 'staff',
    unitScoped: true,
    params: uuidParam,
    query: volunteerAuditQuery,
    responses: {
      200: 'Every matching entry, oldest first (`items`), each with the actor\'s ID and name; police certificate entries only for those who may see them.',
      403: 'Filtering on the police certificate step without being the coordinator or a certificate officer.',
    },
  },
];
