import { HttpError, type FieldProblem } from '../http/errors.ts';

/**
 * A form's 422 as the problems to show next to its fields, so the form can be shown again with
 * what was typed; any other error is thrown on, to the dashboard's error page.
 */
export function problemsOrRethrow(error: unknown): FieldProblem[] {
  if (error instanceof HttpError && error.status === 422) return error.fields ?? [{ field: '(form)', message: error.message }];
  throw error;
}
