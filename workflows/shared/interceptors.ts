import { defaultPayloadConverter, log, type Headers, type WorkflowInterceptors } from '@temporalio/workflow';

/** The header with the ID of the API request behind a workflow or activity call; for logs only. */
export const REQUEST_ID_HEADER = 'samspill-request-id';

export function readRequestId(headers: Headers): string | undefined {
  const payload = headers[REQUEST_ID_HEADER];
  const value: unknown = payload ? defaultPayloadConverter.fromPayload(payload) : undefined;
  return typeof value === 'string' ? value : undefined;
}

export function withRequestId(headers: Headers, requestId: string | undefined): Headers {
  return requestId ? { ...headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) } : headers;
}

/**
 * Carries the request ID from a workflow's start, Updates and Signals into its log lines and the
 * activities it schedules, along the chain of work that request caused: work that resumes when an
 * activity ends keeps the ID it was scheduled with, work woken by a timer (a reminder days later)
 * has none. Only headers and log attributes change, never commands, so histories replay as before.
 * Bundled with the workflows (infra/temporal/workflow-bundle.ts); called once per workflow run.
 */
export function interceptors(): WorkflowInterceptors {
  let requestId: string | undefined;
  return {
    internals: [
      {
        activate(input, next) {
          // Each activation is caused afresh: by a request's start/Update/Signal, a finished activity or a timer.
          if (input.batchIndex === 0) requestId = undefined;
          next(input);
        },
      },
    ],
    inbound: [
      {
        execute(input, next) {
          requestId = readRequestId(input.headers);
          return next(input);
        },
        handleUpdate(input, next) {
          requestId = readRequestId(input.headers);
          log.info('update received');
          return next(input);
        },
        handleSignal(input, next) {
          requestId = readRequestId(input.headers);
          log.info('signal received', { signal: input.signalName });
          return next(input);
        },
      },
    ],
    outbound: [
      {
        async scheduleActivity(input, next) {
          const cause = requestId;
          try {
            return await next({ ...input, headers: withRequestId(input.headers, cause) });
          } finally {
            requestId = cause;
          }
        },
        startChildWorkflowExecution(input, next) {
          return next({ ...input, headers: withRequestId(input.headers, requestId) });
        },
        getLogAttributes(input, next) {
          return next(requestId ? { ...input, requestId } : input);
        },
      },
    ],
  };
}
