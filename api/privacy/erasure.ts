import type { EntityManager } from '@mikro-orm/core';
import { anonymisePersonalData } from '../../activities/anonymise-volunteer.ts';
import { AuditEntry, IdempotencyRecord, Volunteer, VolunteerStep } from '../../infra/db/entities/index.ts';
import { osloToday } from '../volunteers/views/time.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { HttpError } from '../http/errors.ts';
import { afterErasure, CATEGORIES, categoryTitle, legalBasis, PRIVACY_CATEGORIES, rights, type PrivacyCategory } from './catalogue.ts';
import { oneMonthAfter } from './dates.ts';
import { declarationRecord, type DeclarationRecord } from './declaration.ts';
import { stopLifecycleForErasure } from './lifecycle.ts';
import type { ErasureRequest } from './schemas.ts';
import type { TemporalDeps } from '../http/temporal-calls.ts';

/**
 * Erasure on request (GDPR art. 17, within one month): the lifecycle ends first, then in one
 * transaction the personal data goes and the rest is de-identified. Archive documents stay (L-34:
 * the municipality must archive, and GDPR does not override that), and the receipt says why.
 */

/** The audit action an erasure on request leaves; its details hold dates only, never the reason or a name. */
const ERASED_ACTION = 'erased';

export interface ReceiptLine {
  category: PrivacyCategory;
  title: string;
  what: string;
}

export interface KeptRecord extends ReceiptLine {
  why: string;
  record: DeclarationRecord;
}

export interface ErasureReceipt {
  volunteerId: string;
  language: Language;
  erasedAt: string;
  requestReceivedOn: string;
  /** One calendar month after the request was received (GDPR art. 12(3)). */
  deadline: string;
  withinDeadline: boolean;
  /** Whether a running lifecycle was ended; false when none was running. */
  lifecycleStopped: boolean;
  erased: ReceiptLine[];
  deIdentified: ReceiptLine[];
  kept: KeptRecord[];
  rights: string;
}

function line(category: PrivacyCategory, language: Language): ReceiptLine {
  return { category, title: categoryTitle(category, language), what: afterErasure(category, language) };
}

/** What erasure does with each category: the same list before (to confirm) and after (the receipt). */
export function erasurePlan(language: Language, declaration: DeclarationRecord | null): Pick<ErasureReceipt, 'erased' | 'deIdentified' | 'kept'> {
  const treated = (treatment: 'erased' | 'deIdentified') =>
    PRIVACY_CATEGORIES.filter((c) => CATEGORIES[c].onErasure === treatment).map((c) => line(c, language));
  return {
    erased: treated('erased'),
    deIdentified: treated('deIdentified'),
    kept: declaration
      ? [{ ...line('confidentialityDeclaration', language), why: legalBasis('confidentialityDeclaration', language), record: declaration }]
      : [],
  };
}

/** What an erasure did, read back from what is stored, so the API and the dashboard say the same. */
export function erasureReceipt(input: {
  volunteer: { id: string; language: Language };
  erasedAt: Date;
  requestReceivedOn: string;
  lifecycleStopped: boolean;
  declaration: DeclarationRecord | null;
}): ErasureReceipt {
  const { volunteer, erasedAt, requestReceivedOn, declaration } = input;
  const language = volunteer.language;
  const deadline = oneMonthAfter(requestReceivedOn);
  return {
    volunteerId: volunteer.id,
    language,
    erasedAt: erasedAt.toISOString(),
    requestReceivedOn,
    deadline,
    withinDeadline: osloToday(erasedAt) <= deadline,
    lifecycleStopped: input.lifecycleStopped,
    ...erasurePlan(language, declaration),
    rights: rights(language),
  };
}

/** The archive record erasure keeps, read from the database. */
export async function storedDeclaration(em: EntityManager, volunteerId: string): Promise<DeclarationRecord | null> {
  const steps = await em.find(VolunteerStep, { volunteer: volunteerId, step: 'confidentialityDeclaration' });
  const audit = await em.find(AuditEntry, { volunteerId, step: 'confidentialityDeclaration' }, { orderBy: { at: 'asc', id: 'asc' } });
  return declarationRecord(steps, audit);
}

export async function eraseVolunteer(
  deps: { em: () => EntityManager; temporal: TemporalDeps },
  volunteer: Volunteer,
  request: ErasureRequest,
  actor: string,
): Promise<ErasureReceipt> {
  if (volunteer.anonymisedAt) {
    throw new HttpError(
      409,
      'AlreadyAnonymised',
      `This volunteer's personal data was already anonymised on ${osloToday(volunteer.anonymisedAt)}; the export shows what is left and why.`,
    );
  }
  const lifecycleStopped = await stopLifecycleForErasure(deps.temporal, volunteer.id, actor);
  const erasedAt = new Date();
  await deps.em().transactional(async (tx) => {
    const current = await tx.findOneOrFail(Volunteer, { id: volunteer.id }, { refresh: true });
    await anonymisePersonalData(tx, current, erasedAt);
    // The registration's idempotency record holds a fingerprint of the request, name and email included.
    await tx.nativeDelete(IdempotencyRecord, { resourceId: volunteer.id });
    tx.create(AuditEntry, {
      volunteerId: volunteer.id,
      agreementId: null,
      at: erasedAt,
      actor,
      action: ERASED_ACTION,
      step: null,
      details: { requestReceivedOn: request.receivedOn, lifecycleStopped },
    });
  });
  // The request's own context still holds the volunteer as it was before.
  deps.em().clear();
  return erasureReceipt({
    volunteer,
    erasedAt,
    requestReceivedOn: request.receivedOn,
    lifecycleStopped,
    declaration: await storedDeclaration(deps.em(), volunteer.id),
  });
}

/** The receipt of an erasure already done, rebuilt from its audit entry; null when the volunteer was not erased on request. */
export async function recordedErasure(em: EntityManager, volunteerId: string, language: Language): Promise<ErasureReceipt | null> {
  const entry = await em.findOne(AuditEntry, { volunteerId, action: ERASED_ACTION }, { orderBy: { at: 'desc', id: 'desc' } });
  if (!entry) return null;
  return erasureReceipt({
    volunteer: { id: volunteerId, language },
    erasedAt: entry.at,
    requestReceivedOn: String(entry.details?.requestReceivedOn ?? osloToday(entry.at)),
    lifecycleStopped: entry.details?.lifecycleStopped === true,
    declaration: await storedDeclaration(em, volunteerId),
  });
}
