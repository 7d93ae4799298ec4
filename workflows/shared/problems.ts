import { ApplicationFailure, type ActivityOptions } from '@temporalio/workflow';

/**
 * Why a human action cannot be taken now, for the Update validators: `conflict` answers 409 (the
 * state does not allow it), `invalid` 422 (the input itself is wrong).
 */
export interface Problem {
  type: 'conflict' | 'invalid';
  code: string;
  message: string;
}

export const conflict = (code: string, message: string): Problem => ({ type: 'conflict', code, message });
export const invalid = (code: string, message: string): Problem => ({ type: 'invalid', code, message });

/** Rejects an Update in its validator; the API maps the `<type>:<code>` failure type to its status. */
export function reject(problem: Problem | undefined): void {
  if (problem) throw ApplicationFailure.create({ type: `${problem.type}:${problem.code}`, message: problem.message, nonRetryable: true });
}

/** Sending mail and writing projections: longer than the mailer's SMTP timeouts, short enough that a dead worker's task is retried soon. */
export const SHORT_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
};
