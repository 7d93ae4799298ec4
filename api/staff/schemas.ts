import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../infra/auth/passwords.ts';
import { STAFF_ROLES } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import { tr } from '../views/layout.ts';
import type { Language } from '../../activities/emails/layout.ts';
import { HttpError } from '../http/errors.ts';
import { MAX_EMAIL_LENGTH } from '../volunteers/schemas.ts';

/**
 * Staff account input, for the `/api/staff` endpoints (English) and the dashboard's forms (the
 * page's language); messages are written for the person filling in the form.
 */
export function staffSchemas(language: Language) {
  const t = (nb: string, en: string) => tr(language, nb, en);
  const name = z.string({ error: t('Skriv navnet.', 'Give the name.') }).trim().min(1, t('Skriv navnet.', 'Give the name.')).max(200);
  const changeFields = {
    name,
    role: z.enum(STAFF_ROLES, { error: t('Velg en rolle.', `Choose a role: ${STAFF_ROLES.join(', ')}.`) }),
    serviceUnitIds: z.array(z.string().min(1), { error: t('Velg virksomhetene.', 'Give the service units as a list of IDs.') }).default([]),
    certificateOfficer: z.boolean({ error: t('Oppgi om personen er politiattestansvarlig.', 'certificateOfficer must be true or false.') }).default(false),
  };
  // Checked even when other fields are wrong too, so the form lists every problem at once.
  const needsUnits = {
    message: t('En frivilligkontakt eller virksomhetsleder må ha minst én virksomhet.', 'A contact or unit manager needs at least one service unit.'),
    path: ['serviceUnitIds'],
    when: ({ value }: { value: unknown }) => {
      const { role, serviceUnitIds } = (value ?? {}) as { role?: unknown; serviceUnitIds?: unknown };
      return STAFF_ROLES.some((known) => known === role) && Array.isArray(serviceUnitIds);
    },
  };
  const hasUnits = (value: { role: string; serviceUnitIds: string[] }) => value.role === 'coordinator' || value.serviceUnitIds.length > 0;
  const password = z
    .string({ error: t('Skriv det nye passordet.', 'Give the new password.') })
    .min(MIN_PASSWORD_LENGTH, t(`Passordet må ha minst ${MIN_PASSWORD_LENGTH} tegn.`, `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`))
    .max(1000);
  return {
    create: z
      .object({
        email: z
          .string({ error: t('Skriv e-postadressen.', 'Give the email.') })
          .trim()
          .max(MAX_EMAIL_LENGTH, t(`E-postadressen kan ha høyst ${MAX_EMAIL_LENGTH} tegn.`, `The email can be at most ${MAX_EMAIL_LENGTH} characters.`))
          .pipe(z.email(t('Skriv en gyldig e-postadresse, f.eks. kari@kommune.no.', 'Give a valid email, e.g. kari@kommune.no.'))),
        ...changeFields,
        language: z.enum(['nb', 'en'], { error: t('Velg språk.', 'language must be "nb" or "en".') }).default('nb'),
        oidcOnly: z.boolean({ error: 'oidcOnly must be true or false.' }).default(false),
      })
      .strict()
      .refine(hasUnits, needsUnits),
    update: z.object(changeFields).strict().refine(hasUnits, needsUnits),
    token: z.object({ name: z.string({ error: t('Gi nøkkelen et navn.', 'Give the token a name.') }).trim().min(1, t('Gi nøkkelen et navn.', 'Give the token a name.')).max(200) }).strict(),
    password: z
      .object({ currentPassword: z.string().max(1000).default(''), newPassword: password, confirmPassword: z.string().max(1000).default('') })
      .strict()
      .refine((value) => value.newPassword === value.confirmPassword, {
        message: t('De to nye passordene er ikke like.', 'The two new passwords differ.'),
        path: ['confirmPassword'],
      }),
    language: z.object({ language: z.enum(['nb', 'en'], { error: t('Velg språk.', 'Choose a language.') }) }).strict(),
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
    { field: 'serviceUnitIds', message: tr(language, `Ukjent virksomhet: ${unknown.join(', ')}.`, `Unknown service unit: ${unknown.join(', ')}.`) },
  ]);
}
