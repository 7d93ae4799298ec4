import { z } from 'zod';
import { AGREEMENT_SECTIONS, AGREEMENT_STATUSES, REVIEW_CHECKLIST, REVIEW_OUTCOMES } from '../../workflows/agreement/definitions.ts';
import { MAX_EMAIL_LENGTH } from '../volunteers/schemas.ts';

/** Request schemas for organisations and agreements; messages are written for the person filling in the form. */

const day = (what: string) => z.string({ error: `Give ${what} as a date, YYYY-MM-DD.` }).regex(/^\d{4}-\d{2}-\d{2}$/, `Give ${what} as a date, YYYY-MM-DD.`);
const person = (who: string) =>
  z
    .object({
      name: z.string({ error: `Give the ${who}'s name.` }).trim().min(1, `Give the ${who}'s name.`).max(200),
      email: z
        .string({ error: `Give the ${who}'s email.` })
        .trim()
        .max(MAX_EMAIL_LENGTH, `The email address can be at most ${MAX_EMAIL_LENGTH} characters.`)
        .pipe(z.email(`Give the ${who}'s email, e.g. kari@example.no.`)),
      phone: z.string().trim().max(40).nullish(),
    })
    .strict();

/** Norwegian organisation numbers are nine digits whose last is a mod-11 check digit. */
export function isOrganisationNumber(text: string): boolean {
  if (!/^\d{9}$/.test(text)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(text[i]), 0);
  const check = 11 - (sum % 11);
  return (check === 11 ? 0 : check) === Number(text[8]);
}

/** The organisation's own recruitment page: a public web address. */
const recruitmentUrl = z
  .url({ protocol: /^https?$/, error: 'Give the address of the organisation\'s own recruitment page, starting with https://.' })
  .max(500, 'The address can be at most 500 characters.');

export const organisationBody = z
  .object({
    name: z.string({ error: 'Give the organisation\'s name.' }).trim().min(1, 'Give the organisation\'s name.').max(200),
    organisationNumber: z
      .string({ error: 'Give the organisation number (9 digits).' })
      .transform((text) => text.replace(/\s/g, ''))
      .refine(isOrganisationNumber, 'Give a valid organisation number: nine digits, as in Brønnøysundregistrene.'),
    registeredInFrivillighetsregisteret: z.boolean({ error: 'Say whether it is registered in Frivillighetsregisteret (true or false).' }),
    contact: person('organisation contact'),
    recruitmentUrl: recruitmentUrl.nullish(),
  })
  .strict();

/** Sets, or with `null` removes, the link to the organisation's own recruitment. */
export const recruitmentUrlBody = z.object({ recruitmentUrl: recruitmentUrl.nullable() }).strict();

const sections = z
  .object(Object.fromEntries(AGREEMENT_SECTIONS.map((s) => [s, z.string().trim().max(20_000).optional()])) as Record<
    (typeof AGREEMENT_SECTIONS)[number],
    z.ZodOptional<z.ZodString>
  >)
  .strict();

export const agreementContent = z
  .object({
    serviceUnitIds: z.array(z.string().min(1)).min(1, 'Choose at least one service unit.'),
    activityTypeIds: z.array(z.string().min(1)).min(1, 'Choose at least one activity type.'),
    municipalContact: person('municipal contact'),
    startDate: day('the start date (startDate)'),
    qualitySystemRef: z.string().trim().max(200).nullish(),
    sections: sections.default({}),
  })
  .strict();

export const newAgreementBody = agreementContent.extend({ organisationId: z.uuid({ error: 'Choose an existing organisation (organisationId).' }) });

export const signBody = z.object({ signedOn: day('the date it was signed (signedOn)') }).strict();

export const completeReviewBody = z
  .object({
    outcome: z.enum(REVIEW_OUTCOMES, { error: `outcome must be one of ${REVIEW_OUTCOMES.join(', ')}.` }),
    answers: z
      .object(Object.fromEntries(REVIEW_CHECKLIST.map((q) => [q, z.string().trim().min(1, 'Answer this question.').max(5_000)])) as Record<
        (typeof REVIEW_CHECKLIST)[number],
        z.ZodString
      >)
      .strict(),
    revision: agreementContent.optional(),
  })
  .strict()
  .refine((b) => b.outcome !== 'revised' || b.revision !== undefined, { message: 'A revised agreement needs its new contents (revision).', path: ['revision'] });

export const agreementDeviationBody = z.object({ occurredOn: day('the date of the deviation (occurredOn)'), externalId: z.string().trim().max(100).optional() }).strict();

export const listAgreementsQuery = z
  .object({
    status: z.enum(AGREEMENT_STATUSES, { error: `status must be one of ${AGREEMENT_STATUSES.join(', ')}.` }).optional(),
    organisationId: z.uuid({ error: 'organisationId must be an organisation ID.' }).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
