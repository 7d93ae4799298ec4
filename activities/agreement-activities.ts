import type { MikroORM } from '@mikro-orm/core';
import { ApplicationFailure } from '@temporalio/common';
import { Agreement, AgreementVersion, AuditEntry, Organisation } from '../infra/db/entities/index.ts';
import type { LinkSigner } from '../infra/links/signed-links.ts';
import type { Policy } from '../infra/policy/policy.ts';
import { agreementEmailTemplates } from './emails/agreement.ts';
import type { AgreementAuditEvent, AgreementEmailIntent, AgreementState } from '../workflows/agreement/definitions.ts';
import type { Deliver, DeliveryResult } from './outbox.ts';

/** Sends one agreement email to the organisation's contact, the municipal contact or the coordinator. */
export function createSendAgreementEmail(deps: { deliver: Deliver; policy: Policy; publicUrl: string; links: LinkSigner; linkValidForMs: number }) {
  const { deliver, policy, publicUrl, links, linkValidForMs } = deps;
  return function sendAgreementEmail(input: AgreementEmailIntent & { agreementId: string }): Promise<DeliveryResult> {
    return deliver(input.key, async (em) => {
      const agreement = await em.findOne(Agreement, { id: input.agreementId });
      const organisation = agreement && (await em.findOne(Organisation, { id: agreement.organisationId }));
      const version = agreement && (await em.findOne(AgreementVersion, { agreementId: agreement.id, version: agreement.currentVersion }));
      if (!agreement || !organisation || !version) throw ApplicationFailure.nonRetryable(`No agreement ${input.agreementId}`, 'AgreementNotFound');
      const rendered = agreementEmailTemplates[input.template]({
        language: policy.language,
        agreementId: agreement.id,
        organisationName: organisation.name,
        municipalityName: policy.municipality.name,
        reviewDueOn: agreement.reviewDueOn ? new Date(`${agreement.reviewDueOn}T12:00:00Z`) : null,
        outcome: agreement.lastOutcome ?? null,
        publicUrl,
        answerUrl:
          input.recipient === 'organisationContact' && input.template !== 'reviewCompleted'
            ? `${publicUrl}/s/review/${links.sign(agreement.id, 'answerReview', linkValidForMs)}`
            : undefined,
      });
      const recipient = {
        organisationContact: organisation.contactEmail,
        municipalContact: version.municipalContactEmail,
        coordinator: policy.municipality.coordinatorEmail,
      }[input.recipient];
      return { recipient, template: input.template, rendered, agreementId: agreement.id };
    });
  };
}

/** Projects the agreement workflow's state and audit entries; versioned like the volunteer projection. */
export function createRecordAgreementStatus({ orm }: { orm: MikroORM }) {
  return async function recordAgreementStatus(input: { agreementId: string; state: AgreementState; audit: AgreementAuditEvent[] }) {
    const { agreementId, state, audit } = input;
    return orm.em.fork().transactional(async (em) => {
      const claimed = await em.nativeUpdate(
        Agreement,
        { id: agreementId, statusVersion: { $lt: state.stateVersion } },
        {
          status: state.status,
          currentVersion: state.version,
          cycle: state.cycle,
          startDate: state.startDate,
          reviewDueOn: state.reviewDueOn,
          earlyReview: state.earlyReview,
          lastOutcome: state.lastOutcome,
          statusVersion: state.stateVersion,
          updatedAt: new Date(),
        },
      );
      if (claimed === 0) return { applied: false };
      for (const event of audit) {
        em.create(AuditEntry, { agreementId, volunteerId: null, at: new Date(event.at), actor: event.actor, action: event.action, step: null, details: event.details ?? null });
      }
      return { applied: true };
    });
  };
}
