import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Application } from '../../infra/db/entities/index.ts';
import { createAttemptCounter } from '../../infra/limits/attempts.ts';
import type { LinkSigner } from '../../infra/links/signed-links.ts';
import type { ActivityType, Policy } from '../../infra/policy/policy.ts';
import { HttpError } from '../http/errors.ts';
import { startApplication, type TemporalDeps } from '../http/temporal-calls.ts';
import { field, ticked, type Form } from '../volunteers/forms.ts';
import { applicationForm, type ApplicationField } from './schemas.ts';

export interface RecruitmentDeps {
  em: () => EntityManager;
  policy: Policy;
  temporal: TemporalDeps;
  links: LinkSigner;
}

/** What the applicant typed, as strings, to show the form again with it. */
export type ApplicationValues = Partial<Record<Exclude<ApplicationField, 'serviceUnitIds'>, string>> & { serviceUnitIds?: string[] };

/** A problem with one field (or the form as a whole), named for the catalogue. */
export type ApplyProblem = { field: ApplicationField; kind: 'invalid' } | { field: 'birthYear'; kind: 'tooYoung'; age: number } | { field: 'form'; kind: 'tooFast' | 'expired' };

export type Submission =
  | { outcome: 'received' }
  | { outcome: 'invalid'; values: ApplicationValues; problems: ApplyProblem[] }
  | { outcome: 'limited'; waitSeconds: number }
  | { outcome: 'unavailable' };

/** The fields a form posts, as typed. */
export function applicationValues(form: Form): ApplicationValues {
  return {
    name: field(form, 'name'),
    email: field(form, 'email'),
    phone: field(form, 'phone'),
    birthYear: field(form, 'birthYear'),
    serviceUnitIds: ticked(form, 'serviceUnitIds'),
    motivation: field(form, 'motivation'),
    language: field(form, 'language'),
  };
}

/**
 * Takes a public application: the honeypot and the minimum time to fill catch simple machines, the
 * limits per network address and per email hold across API processes (in the database), the minimum
 * age is checked here so the applicant hears it at once. What is stored is only a pending record
 * until its workflow's email is confirmed; whether the address is known already is told only by email.
 */
export function createApplicationIntake({ em, policy, temporal, links }: RecruitmentDeps) {
  const { limits, minimumFillTime } = policy.recruitment;
  const perAddress = createAttemptCounter({ em, windowMs: limits.perAddress.per });
  const perEmail = createAttemptCounter({ em, windowMs: limits.perEmail.per });

  return async function submitApplication(role: ActivityType, form: Form, address: string): Promise<Submission> {
    // A person never sees the honeypot; whatever filled it in is answered as if all went well.
    if (field(form, 'website')) return { outcome: 'received' };
    const values = applicationValues(form);
    const shownAt = links.stampedAt(field(form, 'shownAt') ?? '');
    if (!shownAt) return { outcome: 'invalid', values, problems: [{ field: 'form', kind: 'expired' }] };
    if (Date.now() - shownAt.getTime() < minimumFillTime) return { outcome: 'invalid', values, problems: [{ field: 'form', kind: 'tooFast' }] };

    const addressWait = await perAddress.admit(`apply:address:${address}`, limits.perAddress.count);
    if (addressWait) return { outcome: 'limited', waitSeconds: addressWait };

    const parsed = applicationForm.safeParse(values);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path[0] as ApplicationField))];
      return { outcome: 'invalid', values, problems: fields.map((f) => ({ field: f, kind: 'invalid' })) };
    }
    const body = parsed.data;
    const unknownUnit = body.serviceUnitIds.some((id) => !policy.serviceUnits.some((u) => u.id === id));
    if (unknownUnit) return { outcome: 'invalid', values, problems: [{ field: 'serviceUnitIds', kind: 'invalid' }] };
    const age = new Date().getFullYear() - body.birthYear;
    if (age < role.minimumAge) return { outcome: 'invalid', values, problems: [{ field: 'birthYear', kind: 'tooYoung', age: role.minimumAge }] };

    const emailWait = await perEmail.admit(`apply:email:${body.email}`, limits.perEmail.count);
    if (emailWait) return { outcome: 'limited', waitSeconds: emailWait };

    const application = em().create(Application, {
      id: randomUUID(),
      ...body,
      phone: body.phone ?? null,
      motivation: body.motivation ?? null,
      activityTypeId: role.id,
      serviceUnitIds: [...new Set(body.serviceUnitIds)],
    });
    await em().flush();
    try {
      await startApplication(temporal, policy, application.id);
    } catch (error) {
      // Nothing half-made stays behind: without its workflow nobody would ever confirm or delete it.
      await em().nativeDelete(Application, { id: application.id });
      if (error instanceof HttpError && error.status === 503) return { outcome: 'unavailable' };
      throw error;
    }
    return { outcome: 'received' };
  };
}
