import { LANGUAGES, type Language } from '../../infra/i18n/languages.ts';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../infra/auth/passwords.ts';
import { STAFF_ROLES } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { HttpError } from '../http/errors.ts';
import { MAX_EMAIL_LENGTH } from '../volunteers/schemas.ts';
import { t as translate, type StaffKey } from './messages/index.ts';

/**
 * Staff account input, for the `/api/staff` endpoints (English) and the dashboard's forms (the
 * page's language); messages are written for the person filling in the form.
 */
export function staffSchemas(language: Language) {
  const t = (key: StaffKey, values?: Record<string, number>) => translate(language, key, values);
  const name = z.string({ error: t('schema.name') }).trim().min(1, t('schema.name')).max(200);
  const changeFields = {
    name,
    role: z.enum(STAFF_ROLES, { error: t('schema.role') }),
    serviceUnitIds: z.array(z.string().min(1), { error: t('schema.serviceUnitIds') }).default([]),
    certificateOfficer: z.boolean({ error: t('schema.certificateOfficer') }).default(false),
  };
  // Checked even when other fields are wrong too, so the form lists every problem at once.
  const needsUnits = {
    message: t('schema.needsUnits'),
    path: ['serviceUnitIds'],
    when: ({ value }: { value: unknown }) => {
      const { role, serviceUnitIds } = (value ?? {}) as { role?: unknown; serviceUnitIds?: unknown };
      return STAFF_ROLES.some((known) => known === role) && Array.isArray(serviceUnitIds);
    },
  };
  const hasUnits = (value: { role: string; serviceUnitIds: string[] }) => value.role === 'coordinator' || value.serviceUnitIds.length > 0;
  const password = z
    .string({ error: t('schema.password.required') })
    .min(MIN_PASSWORD_LENGTH, t('schema.password.tooShort', { min: MIN_PASSWORD_LENGTH }))
    .max(1000);
  return {
    create: z
      .object({
        email: z
          .string({ error: t('schema.email.required') })
          .trim()
          .max(MAX_EMAIL_LENGTH, t('schema.email.tooLong', { max: MAX_EMAIL_LENGTH }))
          .pipe(z.email(t('schema.email.invalid'))),
        ...changeFields,
        language: z.enum(LANGUAGES, { error: t('schema.language') }).optional(),
        oidcOnly: z.boolean({ error: t('schema.oidcOnly') }).default(false),
      })
      .strict()
      .refine(hasUnits, needsUnits),
    update: z.object(changeFields).strict().refine(hasUnits, needsUnits),
    token: z.object({ name: z.string({ error: t('schema.tokenName') }).trim().min(1, t('schema.tokenName')).max(200) }).strict(),
    password: z
      .object({ currentPassword: z.string().max(1000).default(''), newPassword: password, confirmPassword: z.string().max(1000).default('') })
      .strict()
      .refine((value) => value.newPassword === value.confirmPassword, {
        message: t('schema.password.differ'),
        path: ['confirmPassword'],
      }),
    language: z.object({ language: z.enum(LANGUAGES, { error: t('schema.languageChoice') }) }).strict(),
  };
}

export const staffApiSchemas = staffSchemas('en');
export type StaffCreateInput = z.infer<typeof staffApiSchemas.create>;
export type StaffUpdateInput = z.infer<typeof staffApiSchemas.update>;

/** Units must exist in the policy; the answer is the same 422 shape the schemas give. */
export function checkUnits(policy: Policy, serviceUnitIds: string[], language: Language): void {
  const unknown = serviceUnitIds.filter((id) => !policy.serviceUnits.some((unit) => unit.id === id));
  if (!unknown.length) return;
  throw new HttpError(422, 'ValidationFailed', 'Some fields are missing or invalid; see `fields`.', [
    { field: 'serviceUnitIds', message: translate(language, 'schema.unknownUnits', { units: unknown.join(', ') }) },
  ]);
}
