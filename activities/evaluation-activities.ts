import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { heartbeat } from '@temporalio/activity';
import { Agreement, AgreementVersion, AnnualEvaluation, EvaluationRecipient, Organisation, Volunteer } from '../infra/db/entities/index.ts';
import type { LinkSigner } from '../infra/links/signed-links.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { evaluationEscalationEmail, evaluationRequestEmail, reportReadyEmail } from './emails/evaluation.ts';
import type { EvaluationStatus } from '../workflows/annual-evaluation/definitions.ts';
import { AGREEMENT_NOT_IN_FORCE } from '../workflows/agreement/definitions.ts';
import { forEachInParallel } from '../infra/in-parallel.ts';
import type { Deliver } from './outbox.ts';
import { reportInputs } from './report-figures.ts';
import { computeReport } from '../workflows/annual-evaluation/report.ts';

interface EvaluationDeps {
  orm: MikroORM;
  deliver: Deliver;
  policy: Policy;
  publicUrl: string;
  links: LinkSigner;
  linkValidForMs: number;
}

/** Everyone asked to contribute: each unit's mailbox, every assigned volunteer contact, and both contacts of every agreement in force. */
async function recipientsOf(em: EntityManager, policy: Policy) {
  const people = new Map<string, { name: string; kind: 'contact' | 'organisationContact' }>();
  for (const unit of policy.serviceUnits) people.set(unit.contactEmail.toLowerCase(), { name: unit.name, kind: 'contact' });
  const volunteers = await em.find(Volunteer, { contactEmail: { $ne: null }, anonymisedAt: null }, { fields: ['contactEmail', 'contactName'] });
  for (const v of volunteers) people.set(v.contactEmail!.toLowerCase(), { name: v.contactName ?? v.contactEmail!, kind: 'contact' });
  const agreements = await em.find(Agreement, { status: { $nin: [...AGREEMENT_NOT_IN_FORCE] } });
  const organisations = new Map((await em.find(Organisation, { id: { $in: agreements.map((a) => a.organisationId) } })).map((o) => [o.id, o]));
  const versions = new Map((await em.find(AgreementVersion, { agreementId: { $in: agreements.map((a) => a.id) } })).map((v) => [`${v.agreementId}:${v.version}`, v]));
  for (const agreement of agreements) {
    const organisation = organisations.get(agreement.organisationId);
    const version = versions.get(`${agreement.id}:${agreement.currentVersion}`);
    if (organisation) people.set(organisation.contactEmail.toLowerCase(), { name: organisation.contactName, kind: 'organisationContact' });
    if (version) people.set(version.municipalContactEmail.toLowerCase(), { name: version.municipalContactName, kind: 'contact' });
  }
  return people;
}

export function createEvaluationActivities({ orm, deliver, policy, publicUrl, links, linkValidForMs }: EvaluationDeps) {
  const context = (year: number, name: string, missing?: number) => ({ language: policy.language, year, name, municipalityName: policy.municipality.name, publicUrl, missing });

  return {
    /** Creates the year's evaluation and its list of recipients, once; a retry adds only who is missing. */
    async prepareEvaluation({ year }: { year: number }): Promise<{ recipients: number }> {
      const em = orm.em.fork();
      if (!(await em.findOne(AnnualEvaluation, { year }))) em.create(AnnualEvaluation, { year });
      const existing = new Set((await em.find(EvaluationRecipient, { year })).map((r) => r.email));
      const people = await recipientsOf(em, policy);
      for (const [email, person] of people) if (!existing.has(email)) em.create(EvaluationRecipient, { year, email, ...person });
      await em.flush();
      return { recipients: await em.count(EvaluationRecipient, { year }) };
    },

    /** Sends one round to everyone who has not answered (the escalation goes to the coordinator); the outbox makes retries harmless. */
    async sendEvaluationEmails({ year, round }: { year: number; round: string }): Promise<{ sent: number }> {
      const em = orm.em.fork();
      const waiting = await em.find(EvaluationRecipient, { year, respondedAt: null }, { orderBy: { id: 'asc' } });
      if (round === 'escalation') {
        if (!waiting.length) return { sent: 0 };
        await deliver(`evaluation:${year}:escalation`, () =>
          Promise.resolve({ recipient: policy.municipality.coordinatorEmail, template: 'evaluationEscalation', rendered: evaluationEscalationEmail(context(year, 'koordinator', waiting.length)) }),
        );
        return { sent: 1 };
      }
      // Eight emails in flight over the mailer's pooled connections: 1 000 agreements' kickoff in
      // seconds instead of minutes (npm run bench, B3). The outbox keeps each exactly once on retry.
      let done = 0;
      await forEachInParallel(waiting, 8, async (person) => {
        await deliver(`evaluation:${year}:${round}:${person.id}`, () => {
          const answerUrl = `${publicUrl}/s/evaluation/${links.sign(String(person.id), 'evaluationResponse', linkValidForMs)}`;
          const rendered = evaluationRequestEmail({ ...context(year, person.name), answerUrl }, round !== 'kickoff');
          return Promise.resolve({ recipient: person.email, template: `evaluation-${round}`, rendered });
        });
        if (++done % 50 === 0) heartbeat(done);
      });
      return { sent: waiting.length };
    },

    /** Computes the report from the year's hours (entered, else imported), volunteers, agreements, deviations and answers, and tells the coordinator. */
    async buildAnnualReport({ year, hoursPerFte }: { year: number; hoursPerFte: number }): Promise<void> {
      const em = orm.em.fork();
      const [input] = await reportInputs(em, policy, [year], hoursPerFte);
      const report = computeReport(input!);
      await em.nativeUpdate(AnnualEvaluation, { year }, { report, status: 'reportReady' });
      await deliver(`evaluation:${year}:reportReady`, () =>
        Promise.resolve({ recipient: policy.municipality.coordinatorEmail, template: 'reportReady', rendered: reportReadyEmail(context(year, 'koordinator')) }),
      );
    },

    async setEvaluationStatus(input: { year: number; status: EvaluationStatus; actor: string; caseNumber?: string; sentOn?: string }): Promise<void> {
      const values =
        input.status === 'approved'
          ? { status: input.status, approvedBy: input.actor, approvedAt: new Date() }
          : { status: input.status, caseNumber: input.caseNumber ?? null, sentOn: input.sentOn ?? null };
      await orm.em.fork().nativeUpdate(AnnualEvaluation, { year: input.year }, values);
    },
  };
}
