import type { StaffFormValues } from './views/staff-form.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { StaffAccountConflict } from '../../infra/auth/staff-accounts.ts';
import { HttpError } from '../http/errors.ts';
import { field } from '../volunteers/forms.ts';
import { t } from './messages/index.ts';

/** Turns the staff forms' strings into the bodies `staffSchemas` validates, and back into values to show again. */

type Form = Record<string, unknown>;

/** Checkboxes of the same name arrive as one string or a list. */
function list(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
}

export function staffFormValues(form: Form): StaffFormValues {
  return {
    email: field(form, 'email'),
    name: field(form, 'name'),
    role: field(form, 'role'),
    serviceUnitIds: list(form.serviceUnitIds),
    certificateOfficer: form.certificateOfficer === 'on',
    language: field(form, 'language'),
    oidcOnly: form.signIn === 'oidc',
  };
}

/** The edit form's body: the same fields without the ones only a new account has. */
export function staffChangesOf(values: StaffFormValues) {
  return { name: values.name, role: values.role, serviceUnitIds: values.serviceUnitIds, certificateOfficer: values.certificateOfficer };
}

/** The account rules' conflicts as the field problems a form shows, in the page's language. */
export function conflictProblem(error: unknown, language: Language): { field: string; message: string } {
  if (!(error instanceof StaffAccountConflict)) throw error;
  return error.code === 'EmailTaken'
    ? { field: 'email', message: t(language, 'conflict.emailTaken') }
    : { field: 'role', message: t(language, 'conflict.lastCoordinator') };
}

/** The problems of a 422; anything else goes on to the error page. */
export function problemsOf(error: unknown): { field: string; message: string }[] {
  if (error instanceof HttpError && error.status === 422 && error.fields) return error.fields;
  throw error;
}
