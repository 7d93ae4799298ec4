import type { ReviewValues } from './views/actions.ts';
import type { ContentValues } from './views/fields.ts';
import { AGREEMENT_SECTIONS, REVIEW_CHECKLIST } from '../../workflows/agreement/definitions.ts';
import { ticked } from '../volunteers/forms.ts';

/**
 * Turns the agreement forms' urlencoded fields (named by the API's paths, e.g. `sections.timeUse`)
 * into the JSON API's bodies, which the commands then validate with the API's own schemas.
 */

export type FormBody = Record<string, unknown>;

export function formText(form: FormBody, name: string): string | undefined {
  const value = form[name];
  return typeof value === 'string' ? value : undefined;
}

/** A text the user filled in, or undefined for an empty field (which the API treats as absent). */
export function filledText(form: FormBody, name: string): string | undefined {
  const value = formText(form, name);
  return value?.trim() ? value : undefined;
}

/** An `agreementContent` body from the content fields, under `prefix` (`revision.` in the review form). */
export function contentInput(form: FormBody, prefix = ''): ContentValues {
  const sections = AGREEMENT_SECTIONS.flatMap((s) => {
    const value = filledText(form, `${prefix}sections.${s}`);
    return value ? [[s, value] as const] : [];
  });
  return {
    serviceUnitIds: ticked(form, `${prefix}serviceUnitIds`),
    activityTypeIds: ticked(form, `${prefix}activityTypeIds`),
    municipalContact: { name: formText(form, `${prefix}municipalContact.name`), email: formText(form, `${prefix}municipalContact.email`) },
    startDate: formText(form, `${prefix}startDate`),
    qualitySystemRef: filledText(form, `${prefix}qualitySystemRef`) ?? null,
    sections: Object.fromEntries(sections),
  };
}

/** What the review form holds, the revision included, so a form sent back keeps everything entered. */
export function reviewInput(form: FormBody): ReviewValues {
  return {
    outcome: formText(form, 'outcome'),
    answers: Object.fromEntries(REVIEW_CHECKLIST.map((q) => [q, formText(form, `answers.${q}`) ?? ''])),
    revision: contentInput(form, 'revision.'),
  };
}

/** A `completeReviewBody` from the review form: the revision counts only when the outcome is «revised». */
export function reviewBody(values: ReviewValues): ReviewValues {
  return { ...values, revision: values.outcome === 'revised' ? values.revision : undefined };
}
