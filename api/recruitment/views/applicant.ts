import { html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { formatList } from '../../../infra/i18n/format.ts';
import type { ApplicationStatus } from '../../../workflows/application/definitions.ts';
import { csrfField } from '../../views/layout.ts';
import { errorTitle, languageSwitch, page } from '../../views/link-page.ts';
import { t, type RecruitmentKey } from '../messages/index.ts';

/** The applicant's own page, as their link opens it: what they applied for and what they can do now. */
export interface ApplicantView {
  status: ApplicationStatus;
  roleName: string;
  unitNames: string[];
  coordinatorEmail: string;
  privacyNotice: { version: string; text: string };
  csrf: string;
}

const STATUS_TEXT = {
  unconfirmed: 'applicant.status.unconfirmed',
  open: 'applicant.status.open',
  invited: 'applicant.status.invited',
  accepted: 'applicant.status.accepted',
  declined: 'applicant.status.declined',
  withdrawn: 'applicant.status.withdrawn',
} as const satisfies Record<ApplicationStatus, RecruitmentKey>;

/** Confirming (with the privacy notice), or the status and a way to withdraw while it waits. */
export function applicantPage(language: Language, view: ApplicantView, problem?: string): string {
  const title = t(language, view.status === 'unconfirmed' ? 'applicant.confirmTitle' : 'applicant.title');
  const applied = t(language, 'applicant.applied', { role: view.roleName, units: formatList(view.unitNames, language) });
  const action =
    view.status === 'unconfirmed'
      ? html`<h2>${t(language, 'applicant.privacy')}</h2>
<p>${view.privacyNotice.text}</p>
<p class="hint">${t(language, 'applicant.privacyVersion', { version: view.privacyNotice.version })}</p>
<form method="post">
${csrfField(view.csrf)}
<input type="hidden" name="lang" value="${language}">
<p><button type="submit" name="action" value="confirm">${t(language, 'applicant.confirm')}</button></p>
</form>`
      : view.status === 'open' || view.status === 'invited'
        ? html`<form method="post">
${csrfField(view.csrf)}
<input type="hidden" name="lang" value="${language}">
<p>${t(language, 'applicant.withdrawText')}</p>
<p><button type="submit" name="action" value="withdraw" class="secondary">${t(language, 'applicant.withdraw')}</button></p>
</form>`
        : null;
  return page(
    language,
    problem ? errorTitle(language, title) : title,
    html`${languageSwitch(language)}
<h1>${title}</h1>
${problem ? html`<p class="notice" role="alert">${problem}</p>` : null}
<p>${applied}</p>
<p class="notice" role="status">${t(language, STATUS_TEXT[view.status])}</p>
${action}
<p>${t(language, 'role.questions')} <a href="mailto:${view.coordinatorEmail}">${view.coordinatorEmail}</a></p>`,
  );
}

const APPLY_MESSAGES = {
  received: { title: 'apply.received.title', text: 'apply.received.text' },
  limited: { title: 'apply.limited.title', text: 'apply.limited.text' },
  unavailable: { title: 'apply.unavailable.title', text: 'apply.unavailable.text' },
  tooLarge: { title: 'apply.tooLarge.title', text: 'apply.tooLarge.text' },
} as const satisfies Record<string, { title: RecruitmentKey; text: RecruitmentKey }>;

/** A short page after the form: the application was received (or refused for now), and what happens next. */
export function applyMessagePage(language: Language, kind: keyof typeof APPLY_MESSAGES, values: { minutes?: number; role?: string } = {}): string {
  const message = APPLY_MESSAGES[kind];
  const title = t(language, message.title);
  const back = values.role ? html`\n<p><a href="/bli-frivillig/${values.role}?lang=${language}">${t(language, 'apply.back')}</a></p>` : null;
  return page(language, title, html`<h1>${title}</h1>\n<p class="notice" role="status">${t(language, message.text, { minutes: values.minutes ?? 1 })}</p>${back}`);
}
