import { readFile } from 'node:fs/promises';
import { WRITTEN_STANDARDS } from '../i18n/languages.ts';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  LADDERS,
  type Ladder,
  type LadderAnchor,
  type LadderName,
  type LifecyclePolicy,
  type Requirements,
  type Rung,
} from '../../workflows/volunteer-lifecycle/definitions.ts';
import type { AgreementPolicy, AgreementRung } from '../../workflows/agreement/definitions.ts';
import type { EvaluationPolicy } from '../../workflows/annual-evaluation/definitions.ts';
import type { ApplicationPolicy } from '../../workflows/application/definitions.ts';
import { parseDuration } from './duration.ts';

const duration = z
  .string()
  .transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined) ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration such as 3d, 6w or 12h` });
    return ms ?? 0;
  });

const recipient = z.enum(['volunteer', 'contact', 'coordinator']);
/** A text the municipality writes itself; without a nynorsk version, nynorsk pages show the bokmål one. */
const localized = z
  .object({ nb: z.string().min(1), nn: z.string().min(1).optional(), en: z.string().min(1) })
  .strict()
  .transform(({ nb, nn, en }) => ({ nb, nn: nn ?? nb, en }));

/**
 * A rung says either `remind: <who>` or `escalate: <who>`, and when: `after` the ladder's anchor
 * (the step opening, a booked session, or a due date) or `before` it.
 */
const rung = z
  .object({ after: duration.optional(), before: duration.optional(), remind: recipient.optional(), escalate: recipient.optional() })
  .strict()
  .refine((r) => (r.remind === undefined) !== (r.escalate === undefined), 'give exactly one of remind or escalate')
  .refine((r) => (r.after === undefined) !== (r.before === undefined), 'give exactly one of after or before')
  .transform(
    (r): Rung => ({
      afterMs: r.after ?? -(r.before ?? 0),
      kind: r.remind ? 'reminder' : 'escalation',
      notify: (r.remind ?? r.escalate) as Rung['notify'],
    }),
  );

const ladder = z
  .array(rung)
  .refine((rungs) => rungs.every((r, i) => i === 0 || r.afterMs > rungs[i - 1]!.afterMs), 'rungs must come in time order');

const agreementRecipient = z.enum(['organisationContact', 'municipalContact', 'coordinator']);

/** An agreement review rung: `before` or `after` the anniversary, to several people at once. */
const agreementRung = z
  .object({
    before: duration.optional(),
    after: duration.optional(),
    remind: z.array(agreementRecipient).min(1).optional(),
    escalate: z.array(agreementRecipient).min(1).optional(),
  })
  .strict()
  .refine((r) => (r.remind === undefined) !== (r.escalate === undefined), 'give exactly one of remind or escalate')
  .refine((r) => (r.after === undefined) !== (r.before === undefined), 'give exactly one of after or before')
  .transform(
    (r): AgreementRung => ({
      afterMs: r.after ?? -(r.before ?? 0),
      kind: r.remind ? 'reminder' : 'escalation',
      notify: (r.remind ?? r.escalate)!,
    }),
  );

const id = z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and dashes');

/** Ids are what volunteers and agreements refer to, so each must be unique within its list. */
function uniqueIds(items: { id: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
}

const activityType = z
  .object({
    id,
    name: localized,
    requiresPoliceCertificate: z.boolean(),
    legalBasis: z.string().min(1).optional(),
    requiresIntroductionCourse: z.boolean(),
    minimumAge: z.number().int().min(0).max(120),
    oneToOneInHome: z.boolean(),
    allowedTasks: localized,
    forbiddenTasks: localized,
  })
  .strict()
  .refine((a) => !a.requiresPoliceCertificate || a.legalBasis !== undefined, {
    message: 'a police certificate may only be required with a legal basis (politiregisterforskriften): add legalBasis',
    path: ['legalBasis'],
  });

/** At most `count` within `per`, counted in the database for every API process together. */
const attemptLimit = z.object({ count: z.number().int().min(1).max(10_000), per: duration }).strict();


/** Public applications: the double opt-in, the escalation of an unanswered one, anonymisation, and the abuse limits. */
const recruitment = z
  .object({
    /** An application not confirmed through its email link within this is deleted. */
    confirmWithin: duration,
    /** Whom to tell when a confirmed application has waited this long for a decision. */
    ladder: z
      .array(z.object({ after: duration, escalate: z.enum(['contact', 'coordinator']) }).strict().transform((r) => ({ afterMs: r.after, notify: r.escalate })))
      .refine((rungs) => rungs.every((r, i) => i === 0 || r.afterMs > rungs[i - 1]!.afterMs), 'rungs must come in time order'),
    /** A declined or withdrawn application keeps the applicant's details this long, then only its numbers remain. */
    anonymiseAfter: duration,
    /** A form sent sooner than this after it was shown is taken for a machine's. */
    minimumFillTime: duration,
    limits: z.object({ perAddress: attemptLimit, perEmail: attemptLimit }).strict(),
    /** What the confirmation page shows; its version is stored with each confirmed application. */
    privacyNotice: z.object({ version: z.string().min(1).max(50), text: localized }).strict(),
  })
  .strict();

const policySchema = z
  .object({
    municipality: z.object({ name: z.string().min(1), coordinatorEmail: z.email() }).strict(),
    /** The municipality's written standard (målvedtak): the language of everyone who has not chosen their own. */
    language: z.enum(WRITTEN_STANDARDS).default('nb'),
    serviceUnits: z
      .array(z.object({ id, name: z.string().min(1), contactEmail: z.email() }).strict())
      .min(1)
      .superRefine(uniqueIds),
    activityTypes: z.array(activityType).min(1).superRefine(uniqueIds),
    ladders: z
      .object({
        policeCertificate: ladder,
        confidentialityDeclaration: ladder,
        introductionCourseUnbooked: ladder,
        introductionCourseSession: ladder,
        firstConversation: ladder,
        followUp: ladder,
        endingConversation: ladder,
      })
      .strict(),
    followUp: z.object({ firstAfter: duration, every: duration }).strict(),
    agreements: z.object({ reviewLadder: z.array(agreementRung).min(1) }).strict(),
    evaluation: z
      .object({
        kickoff: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(28), hour: z.number().int().min(0).max(23) }).strict(),
        timezone: z.string().min(1),
        catchupWindow: duration,
        collectionWindow: duration,
        remindAfter: z.array(duration),
        escalateAfter: duration,
        hoursPerFte: z.number().positive(),
      })
      .strict(),
    /** Introduction-course sessions: how long a volunteer offered a freed seat has to take it. */
    courses: z.object({ seatOfferValidFor: duration }).strict().default({ seatOfferValidFor: 48 * 3_600_000 }),
    /** Network and dialogue meetings: how many a year (Tønsberg: 3–4 and 2), and when to remind the invited. */
    meetings: z
      .object({ networkPerYear: z.number().int().min(0).max(52), dialoguePerYear: z.number().int().min(0).max(52), remindBefore: z.array(duration).max(5) })
      .strict()
      .default({ networkPerYear: 4, dialoguePerYear: 2, remindBefore: [7 * 86_400_000, 86_400_000] }),
    recruitment,
    endingConversationWithin: duration,
    policeCertificateMaxAgeMonths: z.number().int().min(1).max(12),
    retention: z.object({ afterEnded: duration, afterWithdrawn: duration }).strict(),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;
export type ActivityType = Policy['activityTypes'][number];
export type ServiceUnit = Policy['serviceUnits'][number];

/** Thrown when the policy file is missing or invalid; the message names every bad field. */
export class PolicyError extends Error {
  override name = 'PolicyError';
}

/** Validates a parsed policy document. */
export function parsePolicy(document: unknown, source = 'policy'): Policy {
  const parsed = policySchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new PolicyError(`Invalid policy in ${source}:\n${lines.join('\n')}`);
}

/** Reads and validates the municipality's policy file (YAML). */
export async function loadPolicy(file: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PolicyError(`Cannot read the policy file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new PolicyError(`The policy file ${file} is not valid YAML: ${(error as Error).message}`);
  }
  return parsePolicy(document, file);
}

const ANCHORS: Record<LadderName, LadderAnchor> = {
  policeCertificate: 'opened',
  confidentialityDeclaration: 'opened',
  introductionCourseUnbooked: 'opened',
  introductionCourseSession: 'session',
  firstConversation: 'opened',
  followUp: 'due',
  endingConversation: 'opened',
};

/** The slice of the policy a volunteer's lifecycle workflow runs on. */
export function lifecyclePolicy(policy: Policy): LifecyclePolicy {
  const ladders = Object.fromEntries(
    LADDERS.map((name) => [name, { anchor: ANCHORS[name], rungs: policy.ladders[name] }]),
  ) as Record<LadderName, Ladder>;
  return {
    ladders,
    followUp: { firstAfterMs: policy.followUp.firstAfter, everyMs: policy.followUp.every },
    endingConversationWithinMs: policy.endingConversationWithin,
    retention: { afterEndedMs: policy.retention.afterEnded, afterWithdrawnMs: policy.retention.afterWithdrawn },
  };
}

/** The slice of the policy an agreement's workflow runs on. */
export function agreementPolicy(policy: Policy): AgreementPolicy {
  return { reviewLadder: policy.agreements.reviewLadder };
}

/** The slice of the policy the annual evaluation runs on. */
export function evaluationPolicy(policy: Policy): EvaluationPolicy {
  const { collectionWindow, remindAfter, escalateAfter, hoursPerFte } = policy.evaluation;
  return { collectionWindowMs: collectionWindow, remindAfterMs: remindAfter, escalateAfterMs: escalateAfter, hoursPerFte };
}

/** The slice of the policy an application's workflow runs on. */
export function applicationPolicy(policy: Policy): ApplicationPolicy {
  const { confirmWithin, ladder, anonymiseAfter } = policy.recruitment;
  return { confirmWithinMs: confirmWithin, ladder, anonymiseAfterMs: anonymiseAfter };
}

/** What a volunteer's activity type requires of them. */
export function requirementsOf(policy: Policy, activityTypeId: string): Requirements {
  const type = policy.activityTypes.find((a) => a.id === activityTypeId);
  if (!type) throw new Error(`unknown activity type ${activityTypeId}`);
  return { policeCertificate: type.requiresPoliceCertificate, introductionCourse: type.requiresIntroductionCourse };
}
