import type { nb } from './nb.ts';

/** The privacy tools' words in English. */
export const en: Record<keyof typeof nb, string> = {
  'basis.volunteering':
    'You signed up as a volunteer with the municipality. It needs this information to organise, follow up and safeguard ' +
    'volunteering in its services, a task in the public interest (GDPR article 6(1)(e)). We store only what that needs.',
  'category.person.title': 'Personal details',
  'category.person.afterErasure': 'Name, email address, phone, birth year and the suitability note are erased.',
  'category.assignment.title': 'Assignment and contact person',
  'category.assignment.afterErasure': 'The contact person is erased. Service unit, activity, phase and dates are kept without a name, as statistics.',
  'category.steps.title': 'Onboarding and follow-up steps',
  'category.steps.afterErasure': 'The dates of the steps are kept without a name, as statistics (such as how long onboarding takes).',
  'category.policeCertificateChecks.title': 'Police certificate (only that it was shown)',
  'category.policeCertificateChecks.legalBasis':
    'A police certificate is required only where the law allows it for your role. We never store the certificate, a copy or what ' +
    'it says; only when it was issued and shown, who saw it, the outcome and for which activity. This may not be kept after you ' +
    'leave the role (politiregisterforskriften § 37-2).',
  'category.policeCertificateChecks.afterErasure': 'The police certificate records are erased.',
  'category.confidentialityDeclaration.title': 'Confidentiality declaration',
  'category.confidentialityDeclaration.legalBasis':
    'The municipality has a duty to keep archives (arkivlova § 6). The signed confidentiality declaration shows that you know the ' +
    'duty of confidentiality, which continues after you stop. Data protection law does not override the archive rules.',
  'category.confidentialityDeclaration.afterErasure':
    'The record that the confidentiality declaration was signed (date, how, and the version of the text) is kept as an archive ' +
    "document. It is disposed of only as the municipality's archive plan allows.",
  'category.auditEntries.title': 'Log of changes',
  'category.auditEntries.legalBasis': 'The municipality must be able to show who did what with your information, and when (GDPR articles 5(2) and 32).',
  'category.auditEntries.afterErasure': 'The log is kept without free text, linked only to an ID that no longer points to you.',
  'category.emails.title': 'Emails to you or about you',
  'category.emails.legalBasis': 'The emails tell you and your contact what comes next; a copy is stored so the same email is never sent twice.',
  'category.emails.afterErasure': 'The recipients, subjects and contents of the emails are erased.',
  'category.hours.title': 'Volunteer hours',
  'category.hours.legalBasis':
    'The municipality reports volunteering every year for political consideration. The hours are used there as statistics per service unit, activity and month.',
  'category.hours.afterErasure': 'The hours are kept as anonymous statistics.',
  'category.deviations.title': 'Deviations (references only)',
  'category.deviations.legalBasis':
    'The municipality must follow up deviations and incidents in volunteering. Only the date, service unit and the reference to the case in its deviation system are stored here.',
  'category.deviations.afterErasure':
    "The references are kept without a name. The deviations themselves are in the municipality's deviation system and follow its rules.",
  'export.rights':
    'You may ask for access, rectification and erasure. We answer without undue delay and within one month at the latest. ' +
    'Archive documents are erased only as the archive rules allow. If you disagree with how the municipality handles your ' +
    'information, you can complain to Datatilsynet, the Norwegian Data Protection Authority (www.datatilsynet.no), which decides ' +
    'complaints about archive documents together with the National Archives (Arkivverket).',
  'export.neverStored': 'We never store national ID numbers, health information, the content of a police certificate, or information about patients and users.',
  'export.roleBasis': 'The legal basis for your role: {basis}.',

  'retention.person': 'Erased {when}.',
  'retention.assignment': 'The contact person is erased {when}. Service unit, activity and dates are then kept without a name, as statistics.',
  'retention.steps': 'Kept without a name, as statistics, from {when}.',
  'retention.policeCertificateChecks': 'Erased {when}.',
  'retention.confidentialityDeclaration': "Archive document: kept as the municipality's archive plan says, and not erased with the rest.",
  'retention.auditEntries': 'Kept. Free text is removed and the log is linked only to an anonymous ID {when}.',
  'retention.emails': 'Recipients, subjects and contents are erased {when}.',
  'retention.hours': 'Kept as statistics; linked only to an anonymous ID {when}.',
  'retention.deviations': 'The reference is kept; it is linked only to an anonymous ID {when}.',
  'retention.when.done': 'on {on} (already done)',
  'retention.when.afterStopped': 'on {on} ({after} after you stopped)',
  'retention.when.afterWithdrew': 'on {on} ({after} after you withdrew)',
  'retention.when.afterEnding': '{afterEnded} after you stop ({afterWithdrawn} after you withdraw, if you have not started yet)',
  'period.days': '{count, plural, one {{count} day} other {{count} days}}',
  'period.hours': '{count, plural, one {{count} hour} other {{count} hours}}',

  'privacy.title': 'Privacy',
  'privacy.heading': 'Privacy: {name}',
  'privacy.back': '← Back to the volunteer',
  'privacy.access.heading': 'Access',
  'privacy.access.about':
    "The export holds everything Samspill stores about the volunteer, with retention and legal basis, in the volunteer's language. Give it to the volunteer when they ask for access.",
  'privacy.access.download': 'Download the access file (JSON)',
  'privacy.table.caption': 'What we store, for how long, and why',
  'privacy.table.information': 'Information',
  'privacy.table.records': 'Records',
  'privacy.table.retention': 'Retention',
  'privacy.table.basis': 'Legal basis',
  'privacy.anonymised': 'The personal data was anonymised at the end of retention on {on}.',

  'erasure.heading': 'Erasure on request',
  'erasure.about':
    'When the volunteer asks for erasure, it must be done within one month. Their onboarding stops, their personal data is erased and the rest is kept without a name. Archive documents, such as a signed confidentiality declaration, are kept as the archive rules say. You see what will happen before anything is erased.',
  'erasure.problems': 'The erasure cannot be done yet',
  'erasure.reason.label': 'What did the volunteer ask for, and how?',
  'erasure.reason.hint': 'For example "Asked for erasure by email". The text is not stored; it only shows on this confirmation.',
  'erasure.receivedOn.label': 'Date the request was received',
  'erasure.continue': 'Continue to confirmation',
  'erasure.done.withinDeadline': 'The data is erased within the deadline. The receipt is below.',
  'erasure.done.afterDeadline': 'The data is erased, but after the one-month deadline. The receipt is below.',

  'receipt.heading': 'Erasure receipt',
  'receipt.summary': 'The request was received on {receivedOn}, and the data was erased on {erasedAt}, {outcome}.',
  'receipt.withinDeadline': 'within the one-month deadline ({deadline})',
  'receipt.afterDeadline': 'after the one-month deadline ({deadline})',
  'receipt.erased': 'Erased',
  'receipt.deIdentified': 'Kept without a name',
  'receipt.kept': 'Kept, and why',
  'receipt.noneKept': 'No archive documents were recorded, so nothing is kept as archive.',

  'confirm.title': 'Confirm erasure',
  'confirm.heading': 'Confirm erasure: {name}',
  'confirm.request': 'The request was received on {receivedOn}; the deadline is {deadline}. Reason: {reason}',
  'confirm.warning': "Erasure cannot be undone. The volunteer's onboarding and follow-up stop, and no more emails are sent.",
  'confirm.erased': 'Erased',
  'confirm.deIdentified': 'Kept without a name',
  'confirm.kept': 'Kept as an archive document',
  'confirm.noneKept': 'No signed confidentiality declaration is recorded, so nothing is kept as an archive document.',
  'confirm.submit': 'Erase the data now',
  'confirm.cancel': 'Cancel',

  'audit.title': 'Audit log',
  'audit.about': "Who did what, and when, for every volunteer and agreement. The log holds IDs, not volunteers' names.",
  'audit.filter.problems': 'The filter cannot be used',
  'audit.filter.label': 'Filter the log',
  'audit.filter.allActions': 'All actions',
  'audit.filter.allSteps': 'All steps',
  'audit.filter.everyone': 'Everyone',
  'audit.filter.from': 'From',
  'audit.filter.to': 'To',
  'audit.filter.volunteerId': 'Volunteer (ID)',
  'audit.filter.agreementId': 'Agreement (ID)',
  'audit.filter.show': 'Show',
  'audit.caption': '{total} entries, newest first',
  'audit.when': 'When',
  'audit.who': 'Who',
  'audit.what': 'What',
  'audit.step': 'Step',
  'audit.concerns': 'Concerns',
  'audit.details': 'Details',
  'audit.empty': 'No entries match the filter.',
  'audit.subject.volunteer': 'Volunteer {id}',
  'audit.subject.agreement': 'Agreement {id}',

  'schema.reason.required': 'Give the reason for the erasure, e.g. "The volunteer asked by email".',
  'schema.reason.tooLong': 'The reason can be at most {max} characters.',
  'schema.receivedOn.format': 'Give the date the request was received as a date, YYYY-MM-DD.',
  'schema.receivedOn.notADay': 'The date the request was received is not a date in the calendar.',
  'schema.receivedOn.future': 'The request cannot have been received after today.',
  'schema.from.format': 'Give from as a date, YYYY-MM-DD.',
  'schema.from.notADay': 'From is not a date in the calendar.',
  'schema.to.format': 'Give to as a date, YYYY-MM-DD.',
  'schema.to.notADay': 'To is not a date in the calendar.',
  'schema.fromAfterTo': '"from" must be on or before "to".',
  'schema.action': 'action is one word, such as stepCompleted or phaseChanged.',
  'schema.step': 'step must be one of {steps}.',
  'schema.actor': 'actor can be at most {max} characters.',
  'schema.volunteerId': "volunteerId is a volunteer's ID (a UUID).",
  'schema.agreementId': "agreementId is an agreement's ID (a UUID).",
  'schema.page': 'page must be a number.',
  'schema.page.min': 'page starts at 1.',
};
