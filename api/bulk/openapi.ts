import type { Operation } from '../openapi/operation.ts';
import { BULK_ACCESS } from './commands.ts';
import { bulkBody } from './schemas.ts';

export const bulkOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/volunteers/bulk',
    summary: 'One action on several volunteers: assign a contact (`assignContact`), enrol in a course session (`enrol`), or send a reminder now (`remind`)',
    tag: 'Volunteers',
    access: BULK_ACCESS,
    // Each person is checked on their own: another unit's volunteer is a `notFound` result, not a 404 of the request.
    body: bulkBody,
    example: { action: 'remind', volunteerIds: ['00000000-0000-4000-8000-000000000000'] },
    idempotencyKey: true,
    responses: {
      200:
        'The action (`action`), a result for each volunteer (`results`, in the order named), and how many came to each outcome (`counts`). ' +
        'A result is `done`, `waitlisted` (enrol: the session is full), `notFound` (unknown, or not in your units), `refused` (its `code` and `message` say why), or `failed` (the workflow engine did not answer; send the request again). ' +
        '`remind` sends each volunteer the reminder each waiting step would send (to the volunteer or their contact), once: with the same `Idempotency-Key`, a request sent again reminds nobody twice.',
      404: 'The course session (for `enrol`) does not exist or is not for your units.',
      409: 'The course session (for `enrol`) is closed or has started.',
    },
  },
];
