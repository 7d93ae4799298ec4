import type { EntityManager, EntityName, MikroORM, RequiredEntityData } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Agreement, AgreementVersion, Organisation, Volunteer, VolunteerStep } from '../infra/db/entities/index.ts';
import type { Dialect } from '../infra/db/orm.ts';
import type { Policy } from '../infra/policy/policy.ts';
import type { Phase, StepName, StepState } from '../workflows/volunteer-lifecycle/definitions.ts';

/** Rows per insert: below SQLite's 32 766 bound parameters for the widest table. */
const BATCH = 1_000;
const DAY = 86_400_000;

async function insertInBatches<T extends object>(em: EntityManager, entity: EntityName<T>, rows: RequiredEntityData<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await em.insertMany(entity, rows.slice(i, i + BATCH));
}

/** A municipality's spread of phases, in percent: most volunteers are active or onboarding. */
const PHASE_SHARES: [Phase, number][] = [
  ['registered', 2],
  ['onboarding', 25],
  ['active', 50],
  ['paused', 5],
  ['ending', 3],
  ['ended', 10],
  ['withdrawn', 5],
];

function phaseOf(n: number): Phase {
  let bucket = n % 100;
  for (const [phase, share] of PHASE_SHARES) {
    if (bucket < share) return phase;
    bucket -= share;
  }
  return 'active';
}

/** The steps a volunteer in `phase` has, in plausible states; every fifth open step is overdue. */
function stepsOf(phase: Phase, n: number): [StepName, StepState][] {
  const open: StepState = n % 5 === 0 ? 'overdue' : 'waiting';
  const onboarding = phase === 'onboarding' || phase === 'registered';
  const onboarded: StepState = onboarding ? open : 'done';
  const steps: [StepName, StepState][] = [
    ['registration', 'done'],
    ['policeCertificate', n % 2 ? 'notRequired' : onboarded],
    ['confidentialityDeclaration', onboarded],
    ['introductionCourse', n % 3 ? onboarded : 'notRequired'],
    ['firstConversation', onboarding ? 'pending' : 'done'],
  ];
  if (phase === 'active' || phase === 'paused') steps.push(['followUp', n % 7 ? 'waiting' : 'overdue']);
  if (phase === 'ending' || phase === 'ended') steps.push(['endingConversation', phase === 'ending' ? open : 'done']);
  return steps;
}

/**
 * Adds `count` volunteers with their steps straight into the projection (as the workflows would
 * have written it), registered over the last five years. `from` numbers them on from earlier seeds.
 */
export async function seedVolunteers(orm: MikroORM, policy: Policy, from: number, count: number): Promise<void> {
  // One transaction: a commit per batch would wait on the disk hundreds of times.
  await orm.em.fork().transactional((em) => insertVolunteers(em, policy, from, count));
}

async function insertVolunteers(em: EntityManager, policy: Policy, from: number, count: number): Promise<void> {
  const now = Date.now();
  for (let start = from; start < from + count; start += BATCH) {
    const volunteers = [];
    const steps = [];
    for (let n = start; n < Math.min(start + BATCH, from + count); n++) {
      const id = randomUUID();
      const phase = phaseOf(n);
      const createdAt = new Date(now - ((n * 7_919) % (5 * 365)) * DAY - (n % 86_400) * 1_000);
      const closed = phase === 'ended' || phase === 'withdrawn' ? createdAt : null;
      volunteers.push({
        id,
        name: `Frivillig ${n}`,
        email: `frivillig.${n}@example.no`,
        phone: null,
        birthYear: 1950 + (n % 50),
        suitabilityNote: null,
        language: 'nb' as const,
        serviceUnitId: policy.serviceUnits[n % policy.serviceUnits.length]!.id,
        activityTypeId: policy.activityTypes[n % policy.activityTypes.length]!.id,
        contactName: phase === 'registered' ? null : 'Ola Kontakt',
        contactEmail: phase === 'registered' ? null : `kontakt.${n % 40}@tonsberg.kommune.no`,
        phase,
        statusVersion: 3,
        lifecycleStartedAt: createdAt,
        closedAt: closed,
        anonymisedAt: null,
        createdAt,
        updatedAt: createdAt,
      });
      for (const [step, state] of stepsOf(phase, n)) {
        const done = state === 'done';
        steps.push({
          volunteer: id,
          step,
          state,
          openedAt: state === 'pending' || state === 'notRequired' ? null : createdAt,
          dueAt: state === 'waiting' || state === 'overdue' ? new Date(createdAt.getTime() + 30 * DAY) : null,
          sessionAt: null,
          completedAt: done ? createdAt : null,
          completedBy: done ? 'seed' : null,
          remindersSent: state === 'overdue' ? 2 : 0,
        });
      }
    }
    await insertInBatches(em, Volunteer, volunteers);
    await insertInBatches(em, VolunteerStep, steps);
  }
}

/**
 * Brings the tables to where they stand soon after a bulk load: PostgreSQL's autovacuum vacuums
 * after many inserts (which lets counts read the indexes alone) and analyzes; on SQLite a periodic
 * `analyze`. Measured right after the load instead, plans are those of an empty table.
 */
export async function refreshStatistics(orm: MikroORM, dialect: Dialect): Promise<void> {
  await orm.em.fork().getConnection().execute(dialect === 'postgresql' ? 'vacuum analyze' : 'analyze');
}

/** Volunteers stored as a registration leaves them, for lifecycles the benchmark starts itself. */
export async function seedRegisteredVolunteers(orm: MikroORM, policy: Policy, count: number): Promise<{ id: string; activityTypeId: string }[]> {
  const now = new Date();
  const volunteers = Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    name: `Frivillig ${n}`,
    email: `ny.${n}.${randomUUID().slice(0, 6)}@example.no`,
    phone: null,
    birthYear: 1980,
    suitabilityNote: null,
    language: 'nb' as const,
    serviceUnitId: policy.serviceUnits[n % policy.serviceUnits.length]!.id,
    activityTypeId: 'besoksvenn',
    contactName: null,
    contactEmail: null,
    phase: 'registered' as const,
    statusVersion: 0,
    lifecycleStartedAt: now,
    closedAt: null,
    anonymisedAt: null,
    createdAt: now,
    updatedAt: now,
  }));
  await orm.em.fork().transactional((em) => insertInBatches(em, Volunteer, volunteers));
  return volunteers.map(({ id, activityTypeId }) => ({ id, activityTypeId }));
}

/**
 * `count` agreements in force, each with an organisation of its own and a municipal contact among
 * `municipalContacts`; answers how many distinct people the annual kickoff must ask.
 */
export async function seedAgreements(orm: MikroORM, policy: Policy, count: number, municipalContacts: number): Promise<number> {
  const now = new Date();
  const ids = Array.from({ length: count }, () => ({ organisationId: randomUUID(), agreementId: randomUUID() }));
  const organisations = ids.map(({ organisationId }, n) => ({
    id: organisationId,
    name: `Frivillig organisasjon ${n}`,
    organisationNumber: String(900_000_000 + n),
    registeredInFrivillighetsregisteret: true,
    contactName: `Leder ${n}`,
    contactEmail: `leder.${n}@organisasjon.no`,
    contactPhone: null,
    createdAt: now,
    updatedAt: now,
  }));
  const agreements = ids.map(({ organisationId, agreementId }) => ({
    id: agreementId,
    organisationId,
    status: 'active' as const,
    currentVersion: 1,
    cycle: 1,
    startDate: '2024-03-01',
    createdAt: now,
    updatedAt: now,
  }));
  const versions = ids.map(({ agreementId }, n) => ({
    agreementId,
    version: 1,
    serviceUnitIds: [policy.serviceUnits[n % policy.serviceUnits.length]!.id],
    activityTypeIds: ['besoksvenn'],
    municipalContactName: `Kommunal kontakt ${n % municipalContacts}`,
    municipalContactEmail: `kommunal.${n % municipalContacts}@tonsberg.kommune.no`,
    startDate: '2024-03-01',
    qualitySystemRef: 'Compilo 1234',
    sections: {},
    createdBy: 'seed',
    createdAt: now,
    signedBy: 'seed',
    signedOn: '2024-02-15',
  }));
  await orm.em.fork().transactional(async (em) => {
    await insertInBatches(em, Organisation, organisations);
    await insertInBatches(em, Agreement, agreements);
    await insertInBatches(em, AgreementVersion, versions);
  });
  const unitMailboxes = new Set(policy.serviceUnits.map((u) => u.contactEmail.toLowerCase())).size;
  return unitMailboxes + count + Math.min(count, municipalContacts);
}
