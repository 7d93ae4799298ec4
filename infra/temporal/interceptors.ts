import type { ClientInterceptors } from '@temporalio/client';
import type { WorkerInterceptors } from '@temporalio/worker';
import { readRequestId, withRequestId } from '../../workflows/shared/interceptors.ts';
import { logContext, withLogContext } from '../logging.ts';

const currentRequestId = () => logContext().requestId as string | undefined;

/**
 * The API's client: a workflow started, updated or signalled while serving a request carries that
 * request's ID in a header (workflows/shared/interceptors.ts takes it on to the activities).
 */
export const clientInterceptors: ClientInterceptors = {
  workflow: [
    {
      startWithDetails: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
      startUpdate: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
      startUpdateWithStart: (input, next) =>
        next({
          ...input,
          workflowStartHeaders: withRequestId(input.workflowStartHeaders, currentRequestId()),
          updateHeaders: withRequestId(input.updateHeaders, currentRequestId()),
        }),
      signal: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
      signalWithStart: (input, next) => next({ ...input, headers: withRequestId(input.headers, currentRequestId()) }),
    },
  ],
};

/**
 * The worker's activities: each runs with the request ID from its header and the IDs of its
 * workflow on every line it logs, through our logger and through the activity context logger.
 */
export const workerInterceptors: WorkerInterceptors = {
  activity: [
    ({ info }) => {
      let requestId: string | undefined;
      return {
        inbound: {
          execute(input, next) {
            requestId = readRequestId(input.headers);
            const ids = { workflowId: info.workflowExecution?.workflowId, activityType: info.activityType, attempt: info.attempt };
            return withLogContext(requestId ? { requestId, ...ids } : ids, () => next(input));
          },
        },
        outbound: {
          getLogAttributes: (input, next) => next(requestId ? { ...input, requestId } : input),
        },
      };
    },
  ],
};
