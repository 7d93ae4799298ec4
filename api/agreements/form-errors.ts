import type { Request, Response } from 'express';
import { HttpError, type FieldProblem } from '../http/errors.ts';
import { setFlash } from '../views/render.ts';

export interface Refusal {
  /** Shows the form again with the problems and what was entered, answering `status`. */
  showForm: (problems: FieldProblem[], status: number) => Promise<void> | void;
  /** The field a refusal without `fields` is shown at. */
  field: string;
  /** Where a conflict (409) or an unreachable workflow engine (503) is reported as a flash; without it the form shows it. */
  back?: string;
}

/**
 * A dashboard form's answer when its command refuses, with the API's own message: a 422 shows the
 * form again; a conflict goes back with an error flash. Not found and not allowed stay error pages,
 * and anything unexpected goes on to the error handler.
 */
export async function answerRefusal(req: Request, res: Response, error: unknown, refusal: Refusal): Promise<void> {
  if (!(error instanceof HttpError) || error.status === 401 || error.status === 403 || error.status === 404) throw error;
  if (error.status === 422 || !refusal.back) {
    await refusal.showForm(error.fields ?? [{ field: refusal.field, message: error.message }], error.status);
    return;
  }
  setFlash(req, res, error.message, 'error');
  res.redirect(303, refusal.back);
}
