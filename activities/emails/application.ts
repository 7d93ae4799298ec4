import { formatDate, formatList } from '../../infra/i18n/format.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { roleValues, samspillSignature } from './context.ts';
import { renderParts, type EmailParts, type RenderedEmail } from './layout.ts';
import { t } from './messages/index.ts';

/** What every email to an applicant knows; names and texts come from the database and the policy. */
export interface ApplicantEmailContext {
  /** The applicant's chosen language. */
  language: Language;
  /** The applicant's name as typed; the layout escapes it. */
  name: string;
  municipalityName: string;
  /** The role (activity type) name already in the applicant's language, e.g. "Besøksvenn". */
  roleName: string;
  /** The service units applied for, e.g. ["Aktivitetshusene", "Sterk og stødig"]. */
  unitNames: string[];
  coordinatorEmail: string;
  /** The applicant's own page (confirm, see status, withdraw) */
  applicationUrl: string;
}

/** Staff emails: in the municipality's written standard with an English line. No applicant name or contact details: they only point to the queue. */
export interface ApplicationStaffEmailContext {
  language: Language;
  municipalityName: string;
  /** The role's name in `language`. */
  roleName: string;
  roleNameEn: string;
  unitNames: string[];
  /** The dashboard page of this application. */
  queueUrl: string;
}

/** What the applicant's messages interpolate: the role as running text names it, and the units joined. */
function applicantValues(ctx: ApplicantEmailContext) {
  return {
    role: roleValues({ language: ctx.language, activityName: ctx.roleName }).activity,
    units: formatList(ctx.unitNames, ctx.language),
    municipality: ctx.municipalityName,
    email: ctx.coordinatorEmail,
  };
}

/** The frame every applicant email shares: greeted by name, signed by the volunteer coordinator with their mailbox. */
function applicantEmail(ctx: ApplicantEmailContext, parts: Pick<EmailParts, 'subject' | 'paragraphs' | 'action'>): RenderedEmail {
  const { language } = ctx;
  const who = t(language, 'application.signature.coordinator');
  return renderParts({
    language,
    ...parts,
    greeting: t(language, 'greeting.volunteer', { name: ctx.name }),
    signature: t(language, 'signature.volunteer', { who, municipality: ctx.municipalityName, email: ctx.coordinatorEmail }),
  });
}

/** Asks a new applicant to confirm their address before the link runs out; an unconfirmed application deletes itself. */
export function applicationConfirmEmail(ctx: ApplicantEmailContext & { validUntil: Date }): RenderedEmail {
  const { language } = ctx;
  const values = applicantValues(ctx);
  return applicantEmail(ctx, {
    subject: t(language, 'application.confirm.subject'),
    paragraphs: [
      t(language, 'application.confirm.received', values),
      t(language, 'application.confirm.link', { until: formatDate(ctx.validUntil, language) }),
      t(language, 'application.confirm.ignore'),
      t(language, 'application.confirm.privacy'),
    ],
    action: { label: t(language, 'application.confirm.action'), url: ctx.applicationUrl },
  });
}

/** Answers an application from an address we already know, without saying so to anyone but the address's owner. */
export function applicationAlreadyKnownEmail(ctx: ApplicantEmailContext & { known: 'volunteer' | 'application'; statusUrl: string }): RenderedEmail {
  const { language } = ctx;
  const values = applicantValues(ctx);
  return applicantEmail(ctx, {
    subject: t(language, 'application.known.subject'),
    paragraphs: [
      t(language, 'application.known.someone', values),
      t(language, 'application.known.already', { known: ctx.known }),
      `${t(language, 'application.known.notYou')} ${t(language, 'application.question', values)}`,
    ],
    action: { label: t(language, 'application.known.action'), url: ctx.statusUrl },
  });
}

/** Invites the applicant to a short conversation before the unit decides; the unit's volunteer contact finds the time. */
export function applicationInvitationEmail(ctx: ApplicantEmailContext & { contactEmail: string }): RenderedEmail {
  const { language } = ctx;
  const values = applicantValues(ctx);
  return applicantEmail(ctx, {
    subject: t(language, 'application.invitation.subject'),
    paragraphs: [
      t(language, 'application.invitation.thanks', values),
      t(language, 'application.invitation.meet'),
      t(language, 'application.invitation.write', { email: ctx.contactEmail }),
    ],
    action: { label: t(language, 'application.invitation.action'), url: ctx.applicationUrl },
  });
}

/** A kind no, without a reason: thanks, how little we keep, and where else to help; the other roles when there is a page for them. */
export function applicationDeclinedEmail(ctx: ApplicantEmailContext & { rolesUrl?: string }): RenderedEmail {
  const { language } = ctx;
  const values = applicantValues(ctx);
  return applicantEmail(ctx, {
    subject: t(language, 'application.declined.subject'),
    paragraphs: [
      t(language, 'application.declined.thanks'),
      t(language, 'application.declined.notNow', values),
      t(language, 'application.anonymised'),
      [t(language, 'application.declined.otherWays'), ...(ctx.rolesUrl ? [t(language, 'application.declined.otherRoles')] : [])].join(' '),
      `${t(language, 'application.question', values)} ${t(language, 'application.declined.wish')}`,
    ],
    action: ctx.rolesUrl ? { label: t(language, 'application.declined.action'), url: ctx.rolesUrl } : undefined,
  });
}

/** Confirms that the applicant withdrew their application, and that they are welcome back. */
export function applicationWithdrawnEmail(ctx: ApplicantEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = applicantValues(ctx);
  return applicantEmail(ctx, {
    subject: t(language, 'application.withdrawn.subject'),
    paragraphs: [t(language, 'application.withdrawn.done', values), t(language, 'application.withdrawn.thanks'), t(language, 'application.anonymised')],
  });
}

/** What a staff email says of the application: the role and units, in the email's language and in English. */
function staffValues(ctx: ApplicationStaffEmailContext) {
  return {
    role: roleValues({ language: ctx.language, activityName: ctx.roleName }).activity,
    units: formatList(ctx.unitNames, ctx.language),
    roleEn: roleValues({ language: 'en', activityName: ctx.roleNameEn }).activity,
    unitsEn: formatList(ctx.unitNames, 'en'),
  };
}

/** The frame of a staff email: no names, one link to the application in the queue. */
function staffEmail(ctx: ApplicationStaffEmailContext, parts: Pick<EmailParts, 'subject' | 'paragraphs'>): RenderedEmail {
  const { language } = ctx;
  return renderParts({
    language,
    ...parts,
    greeting: t(language, 'greeting.staff'),
    action: { label: t(language, 'application.staff.action'), url: ctx.queueUrl },
    signature: samspillSignature(language, ctx.municipalityName),
  });
}

/** Tells the unit that a confirmed application waits for its decision. */
export function applicationReceivedEmail(ctx: ApplicationStaffEmailContext): RenderedEmail {
  const { language } = ctx;
  const values = staffValues(ctx);
  return staffEmail(ctx, {
    subject: t(language, 'application.received.subject', values),
    paragraphs: [t(language, 'application.received.waits', values), t(language, 'application.received.decide'), t(language, 'application.received.english', values)],
  });
}

/** Escalates an application that has waited too long for an answer. */
export function applicationWaitingEmail(ctx: ApplicationStaffEmailContext & { waitingDays: number }): RenderedEmail {
  const { language } = ctx;
  const values = { ...staffValues(ctx), days: ctx.waitingDays };
  return staffEmail(ctx, {
    subject: t(language, 'application.waiting.subject', values),
    paragraphs: [t(language, 'application.waiting.waited', values), t(language, 'application.waiting.applicant'), t(language, 'application.waiting.english', values)],
  });
}
