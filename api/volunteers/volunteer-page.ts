import type { EntityManager } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { AuditEntry, OutboxEmail, VolunteerStep } from '../../infra/db/entities/index.ts';
import type { Policy } from '../../infra/policy/policy.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import type { VolunteerPageView } from './views/volunteer-page.ts';
import { PHASES, type Phase } from '../../workflows/volunteer-lifecycle/definitions.ts';
import { permits } from '../auth/access.ts';
import type { Principal } from '../auth/principal.ts';
import { actorName, staffNames } from '../staff/actor-names.ts';
import { hidePoliceCertificates } from '../privacy/audit.ts';
import { loadVolunteer, unitsSeenBy } from './queries.ts';
import { availableActions } from './available.ts';
import { courseChoices } from '../courses/queries.ts';

/** The phase a paused volunteer left, from their last pause in the log; the projection does not keep it. */
function pausedFrom(phase: Phase, audit: AuditEntry[]): Phase | null {
  if (phase !== 'paused') return null;
  const from = audit.findLast((e) => e.action === 'phaseChanged' && e.details?.to === 'paused')?.details?.from;
  return typeof from === 'string' && (PHASES as readonly string[]).includes(from) ? (from as Phase) : null;
}

/**
 * Everything a volunteer's page shows, for this principal: police-certificate steps, emails and log
 * entries only for those who may see them (the law's rule), and the forms for what they may do now.
 */
export async function volunteerPage(
  em: EntityManager,
  policy: Policy,
  principal: Principal,
  id: string,
  page: { language: Language; csrfToken: string },
): Promise<VolunteerPageView> {
  const volunteer = await loadVolunteer(em, id, principal);
  const officer = permits(principal, 'certificateOfficer');
  const steps = await em.find(VolunteerStep, { volunteer: volunteer.id }, { orderBy: { id: 'asc' } });
  const emails = await em.find(OutboxEmail, { volunteerId: volunteer.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const audit = await em.find(AuditEntry, hidePoliceCertificates({ volunteerId: volunteer.id }, {}, principal), { orderBy: { at: 'asc', id: 'asc' } });
  const names = await staffNames(em, [...audit.map((e) => e.actor), ...steps.map((s) => s.completedBy)]);
  const nameOf = (actor: string | null | undefined) => (actor ? actorName(actor, names, page.language) : null);
  const visible = <T extends { step?: string | null }>(rows: T[]) => rows.filter((row) => officer || row.step !== 'policeCertificate');
  const actions = availableActions(principal, volunteer, steps, pausedFrom(volunteer.phase, audit), policy);
  if (!officer) actions.missingForActivation = actions.missingForActivation.filter((m) => m !== 'policeCertificate');
  const unit = policy.serviceUnits.find((u) => u.id === volunteer.serviceUnitId);
  const { language } = page;
  // A course waiting without a time can be given one of the coming sessions meant for them.
  const course = steps.find((s) => s.step === 'introductionCourse');
  const unbooked = actions.book.includes('introductionCourse') && course && ['waiting', 'overdue'].includes(course.state) && !course.sessionAt;
  const courseSessions = unbooked ? (await courseChoices(em, volunteer)).sessions : [];
  return {
    ...page,
    volunteerId: volunteer.id,
    person: {
      name: volunteer.name,
      email: volunteer.email,
      phone: volunteer.phone ?? null,
      birthYear: volunteer.birthYear ?? null,
      language: volunteer.language,
      suitabilityNote: volunteer.suitabilityNote ?? null,
      createdAt: volunteer.createdAt,
      closedAt: volunteer.closedAt ?? null,
      anonymisedAt: volunteer.anonymisedAt ?? null,
      lifecycleStarted: Boolean(volunteer.lifecycleStartedAt),
    },
    phase: volunteer.phase,
    unit: { name: unit?.name ?? volunteer.serviceUnitId, mailbox: unit?.contactEmail ?? null },
    activityType: policy.activityTypes.find((a) => a.id === volunteer.activityTypeId),
    activityTypeId: volunteer.activityTypeId,
    serviceUnitId: volunteer.serviceUnitId,
    contact: volunteer.contactName ? { name: volunteer.contactName, email: volunteer.contactEmail ?? null } : null,
    steps: visible(steps).map((s) => ({
      step: s.step,
      state: s.state,
      openedAt: s.openedAt?.toISOString() ?? null,
      dueAt: s.dueAt?.toISOString() ?? null,
      sessionAt: s.sessionAt?.toISOString() ?? null,
      completedAt: s.completedAt?.toISOString() ?? null,
      completedBy: nameOf(s.completedBy),
      remindersSent: s.remindersSent,
    })),
    sessions: Object.fromEntries(steps.map((s) => [s.step, s.sessionAt?.toISOString() ?? null])),
    emails: emails.filter((e) => officer || e.step !== 'policeCertificate').map((e) => ({ template: e.template, recipient: e.recipient, createdAt: e.createdAt, sentAt: e.sentAt ?? null, status: e.status, attempts: e.attempts })),
    audit: audit.map((e) => ({ at: e.at, actor: nameOf(e.actor) ?? '', action: e.action, step: e.step ?? null, details: e.details ?? null })),
    actions,
    courseSessions,
    requestId: randomUUID(),
    units: unitsSeenBy(policy, principal),
    activityTypes: policy.activityTypes.map((a) => ({ id: a.id, name: a.name[language] })),
    showPrivacyLink: permits(principal, 'coordinator'),
  };
}
