import type { AuditEntry, VolunteerStep } from '../../infra/db/entities/index.ts';

/**
 * The record that a volunteer signed the confidentiality declaration: an archive document (L-34),
 * so erasure keeps it. It is the completed step and the audit entry that says how it was signed.
 */
export interface DeclarationRecord {
  signedAt: string | null;
  /** The date written on a paper declaration. */
  signedOn: string | null;
  method: string | null;
  templateVersion: string | null;
  recordedBy: string | null;
}

const text = (value: string | boolean | undefined) => (typeof value === 'string' ? value : null);

/** The declaration record, or null when no declaration has been signed. */
export function declarationRecord(steps: VolunteerStep[], audit: AuditEntry[]): DeclarationRecord | null {
  const step = steps.find((s) => s.step === 'confidentialityDeclaration' && s.state === 'done');
  if (!step) return null;
  const signing = audit.filter((e) => e.step === 'confidentialityDeclaration' && e.action === 'stepCompleted').at(-1);
  const details = signing?.details ?? {};
  return {
    signedAt: step.completedAt?.toISOString() ?? null,
    signedOn: text(details.signedOn),
    method: text(details.method) ?? (details.signedOn ? 'paper' : null),
    templateVersion: text(details.templateVersion),
    recordedBy: step.completedBy ?? null,
  };
}
