import { fromOsloLocal } from './views/time.ts';

/**
 * Turns the strings a dashboard form posts into the bodies the JSON API takes, so the commands
 * validate both with the same schemas (api/volunteer-schemas.ts). Empty fields are left out.
 */

export type Form = Record<string, unknown>;

/** A field's text, trimmed; undefined when missing or empty, so optional fields are simply absent. */
export function field(form: Form, name: string): string | undefined {
  const value = form[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Ticked checkboxes: none, one (a string) or several (an array) under the same name; empty values left out. */
export function ticked(form: Form, name: string): string[] {
  const value = form[name];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === 'string' && v !== '');
}

/** A number field as a number when it is one, else as typed, so the schema's message names what is wrong. */
export function asNumber(text: string | undefined): number | string | undefined {
  return text !== undefined && /^\d{1,6}$/.test(text) ? Number(text) : text;
}

/** The named fields as an API body. */
export function bodyOf(form: Form, names: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((name) => [name, field(form, name)]));
}

export const REGISTRATION_FIELDS = ['name', 'email', 'phone', 'birthYear', 'serviceUnitId', 'activityTypeId', 'language', 'suitabilityNote'] as const;

/** The registration form as `registerVolunteerBody`: the birth year as a number when it is one, else as typed, for the schema to refuse. */
export function registrationBody(form: Form): Record<string, unknown> {
  const body: Record<string, unknown> = bodyOf(form, REGISTRATION_FIELDS);
  const birthYear = field(form, 'birthYear');
  if (birthYear !== undefined && /^\d{1,4}$/.test(birthYear)) body.birthYear = Number(birthYear);
  return body;
}

/** The booking form as `sessionBody`: a `datetime-local` value is Norwegian time, sent on with its offset. */
export function sessionBodyOf(form: Form): Record<string, unknown> {
  const at = field(form, 'at');
  return { at: at === undefined ? undefined : fromOsloLocal(at) };
}
