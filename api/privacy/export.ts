import type { EntityManager } from '@mikro-orm/core';
import {
  AuditEntry,
  Deviation,
  HoursEntry,
  OutboxEmail,
  VolunteerStep,
  type Volunteer,
} from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { actorName, staffNames } from '../staff/actor-names.ts';
import { policeCertificateCheckExport, policeCertificateChecksOf } from '../volunteers/police-certificate-export.ts';
import { categoryTitle, legalBasis, PRIVACY_CATEGORIES, rights, type PrivacyCategory } from './catalogue.ts';
import { t } from './messages/index.ts';
import { declarationRecord } from './declaration.ts';
import { retentionOf, type Retention } from './retention.ts';

/**
 * Access (innsyn, GDPR art. 15): everything Samspill stores about one volunteer, each category with
 * why it is kept and until when, in the volunteer's language. Police certificates appear only as
 * the fact that one was shown; their content is never stored anywhere.
 */

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

interface ExportCategory {
  title: string;
  legalBasis: string;
  retention: Retention;
  data: unknown;
}

/** Every row that refers to the volunteer, read once. */
async function storedAbout(em: EntityManager, volunteerId: string) {
  const [steps, checks, audit, emails, hours, deviations] = await Promise.all([
    em.find(VolunteerStep, { volunteer: volunteerId }, { orderBy: { id: 'asc' } }),
    policeCertificateChecksOf(em, volunteerId),
    em.find(AuditEntry, { volunteerId }, { orderBy: { at: 'asc', id: 'asc' } }),
    em.find(OutboxEmail, { volunteerId }, { orderBy: { createdAt: 'asc', id: 'asc' } }),
    em.find(HoursEntry, { volunteerId }, { orderBy: { month: 'asc', id: 'asc' } }),
    em.find(Deviation, { volunteerId }, { orderBy: { occurredOn: 'asc', id: 'asc' } }),
  ]);
  return { steps, checks, audit, emails, hours, deviations };
}

/** The general rule, and the legal basis the policy names for the volunteer's activity type. */
function certificateBasis(policy: Policy, volunteer: Volunteer, language: Language): string {
  const basis = policy.activityTypes.find((a) => a.id === volunteer.activityTypeId)?.legalBasis;
  const general = legalBasis('policeCertificateChecks', language);
  if (!basis) return general;
  return `${general} ${t(language, 'export.roleBasis', { basis })}`;
}

/** The export, in the volunteer's language unless a reader (the dashboard) asks for another. */
export async function volunteerExport(em: EntityManager, policy: Policy, volunteer: Volunteer, options: { now?: Date; language?: Language } = {}) {
  const { now = new Date(), language = volunteer.language } = options;
  const stored = await storedAbout(em, volunteer.id);
  const names = await staffNames(em, [
    ...stored.audit.map((e) => e.actor),
    ...stored.steps.map((s) => s.completedBy),
    ...stored.checks.map((c) => c.checkedBy),
  ]);
  const who = (actor: string | null | undefined) => (actor ? { actor, name: actorName(actor, names, language) } : null);
  const unitName = (id: string) => policy.serviceUnits.find((u) => u.id === id)?.name ?? id;
  const activityName = (id: string) => policy.activityTypes.find((a) => a.id === id)?.name[language] ?? id;

  const declaration = declarationRecord(stored.steps, stored.audit);

  const data: Record<PrivacyCategory, unknown> = {
    person: {
      id: volunteer.id,
      name: volunteer.name,
      email: volunteer.email,
      phone: volunteer.phone,
      birthYear: volunteer.birthYear,
      language: volunteer.language,
      suitabilityNote: volunteer.suitabilityNote,
      registeredAt: iso(volunteer.createdAt),
    },
    assignment: {
      serviceUnit: { id: volunteer.serviceUnitId, name: unitName(volunteer.serviceUnitId) },
      activityType: { id: volunteer.activityTypeId, name: activityName(volunteer.activityTypeId) },
      contact: volunteer.contactName ? { name: volunteer.contactName, email: volunteer.contactEmail } : null,
      phase: volunteer.phase,
      closedAt: iso(volunteer.closedAt),
      anonymisedAt: iso(volunteer.anonymisedAt),
    },
    steps: stored.steps.map((s) => ({
      step: s.step,
      state: s.state,
      openedAt: iso(s.openedAt),
      dueAt: iso(s.dueAt),
      sessionAt: iso(s.sessionAt),
      completedAt: iso(s.completedAt),
      completedBy: who(s.completedBy),
    })),
    policeCertificateChecks: stored.checks.map((c) => policeCertificateCheckExport(c, { who, activityName })),
    confidentialityDeclaration: declaration && { ...declaration, recordedBy: who(declaration.recordedBy) },
    auditEntries: stored.audit.map((e) => ({ at: iso(e.at), actor: who(e.actor), action: e.action, step: e.step, details: e.details })),
    emails: stored.emails.map((e) => ({
      createdAt: iso(e.createdAt),
      sentAt: iso(e.sentAt),
      status: e.status,
      template: e.template,
      step: e.step,
      recipient: e.recipient,
      subject: e.subject,
      text: e.text,
    })),
    hours: stored.hours.map((h) => ({
      month: h.month,
      serviceUnit: { id: h.serviceUnitId, name: unitName(h.serviceUnitId) },
      activityType: { id: h.activityTypeId, name: activityName(h.activityTypeId) },
      hours: h.hours,
      status: h.status,
      source: h.source,
    })),
    deviations: stored.deviations.map((d) => ({
      occurredOn: d.occurredOn,
      serviceUnit: { id: d.serviceUnitId, name: unitName(d.serviceUnitId) },
      externalId: d.externalId,
      recordedAt: iso(d.recordedAt),
    })),
  };

  const categories = Object.fromEntries(
    PRIVACY_CATEGORIES.map((category): [PrivacyCategory, ExportCategory] => [
      category,
      {
        title: categoryTitle(category, language),
        legalBasis: category === 'policeCertificateChecks' ? certificateBasis(policy, volunteer, language) : legalBasis(category, language),
        retention: retentionOf(category, volunteer, policy, language),
        data: data[category],
      },
    ]),
  ) as Record<PrivacyCategory, ExportCategory>;

  return {
    volunteerId: volunteer.id,
    exportedAt: now.toISOString(),
    language,
    controller: { name: policy.municipality.name, email: policy.municipality.coordinatorEmail },
    neverStored: t(language, 'export.neverStored'),
    rights: rights(language),
    categories,
  };
}
