import { LANGUAGES, type Language } from '../../infra/i18n/languages.ts';
import { z } from 'zod';
import { STEPS } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { osloToday } from '../volunteers/views/time.ts';
import { t as translate, type PrivacyKey } from './messages/index.ts';

/**
 * Request schemas for access, erasure and the audit log; messages are written for the person filling
 * in the form, in the page's language on the dashboard and in English for the API.
 */

const isCalendarDay = (day: string) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

const fromNotAfterTo = (query: { from?: string | undefined; to?: string | undefined }) => !query.from || !query.to || query.from <= query.to;

/** The messages of a date field: not written as a date, and not a day in the calendar. */
const DAY_KEYS = {
  receivedOn: { format: 'schema.receivedOn.format', notADay: 'schema.receivedOn.notADay' },
  from: { format: 'schema.from.format', notADay: 'schema.from.notADay' },
  to: { format: 'schema.to.format', notADay: 'schema.to.notADay' },
} as const satisfies Record<string, { format: PrivacyKey; notADay: PrivacyKey }>;

function schemasIn(language: Language) {
  const t = (key: PrivacyKey, values?: Record<string, string | number>) => translate(language, key, values);
  const day = (field: keyof typeof DAY_KEYS) =>
    z
      .string({ error: t(DAY_KEYS[field].format) })
      .regex(/^\d{4}-\d{2}-\d{2}$/, t(DAY_KEYS[field].format))
      .refine(isCalendarDay, t(DAY_KEYS[field].notADay));

  const erasure = z
    .object({
      reason: z
        .string({ error: t('schema.reason.required') })
        .trim()
        .min(3, t('schema.reason.required'))
        .max(1000, t('schema.reason.tooLong', { max: 1000 })),
      receivedOn: day('receivedOn').refine((d) => d <= osloToday(), t('schema.receivedOn.future')),
    })
    .strict();

  const auditFilterFields = {
    action: z
      .string()
      .regex(/^[A-Za-z]{1,100}$/, t('schema.action'))
      .optional()
      .describe('Only entries of this action, such as `stepCompleted`.'),
    step: z.enum(STEPS, { error: t('schema.step', { steps: STEPS.join(', ') }) }).optional().describe('Only entries about this step.'),
    actor: z.string().min(1).max(200, t('schema.actor', { max: 200 })).optional().describe('Only entries by this actor, such as `staff:<id>`, `system` or `volunteer`.'),
    from: day('from').optional().describe('Only entries on or after this day (Europe/Oslo).'),
    to: day('to').optional().describe('Only entries on or before this day (Europe/Oslo).'),
  };
  const fromAfterTo = { message: t('schema.fromAfterTo'), path: ['to'] };

  return {
    erasure,
    volunteerAudit: z.object(auditFilterFields).strict().refine(fromNotAfterTo, fromAfterTo),
    /** The coordinator's audit log page: the same filters, plus whose entries and which page. */
    auditPage: z
      .object({
        ...auditFilterFields,
        volunteerId: z.uuid(t('schema.volunteerId')).optional(),
        agreementId: z.uuid(t('schema.agreementId')).optional(),
        page: z.coerce.number({ error: t('schema.page') }).int().min(1, t('schema.page.min')).default(1),
        lang: z.enum(LANGUAGES).optional(),
      })
      .strict()
      .refine(fromNotAfterTo, fromAfterTo),
  };
}

/** The schemas with their messages in each language, built once. */
const SCHEMAS = Object.fromEntries(LANGUAGES.map((language) => [language, schemasIn(language)])) as Record<Language, ReturnType<typeof schemasIn>>;

export function privacySchemas(language: Language) {
  return SCHEMAS[language];
}

export const erasureBody = SCHEMAS.en.erasure;
export type ErasureRequest = z.infer<typeof erasureBody>;

export const volunteerAuditQuery = SCHEMAS.en.volunteerAudit;
export type AuditFilters = z.infer<typeof volunteerAuditQuery>;
