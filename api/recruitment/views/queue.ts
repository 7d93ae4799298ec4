import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { Policy } from '../../../infra/policy/policy.ts';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../../workflows/application/definitions.ts';
import { when } from '../../volunteers/views/time.ts';
import { select } from '../../views/forms.ts';
import { t } from '../messages/index.ts';
import type { ApplicationView } from '../queries.ts';

const STATUS = {
  unconfirmed: 'queue.status.unconfirmed',
  open: 'queue.status.open',
  invited: 'queue.status.invited',
  accepted: 'queue.status.accepted',
  declined: 'queue.status.declined',
  withdrawn: 'queue.status.withdrawn',
} as const;

/** What staff can filter on: an unconfirmed application never reaches them. */
const FILTERABLE = APPLICATION_STATUSES.filter((status) => status !== 'unconfirmed');

export const statusWords = (status: ApplicationStatus, language: Language) => t(language, STATUS[status]);

/** The role applied for, by its name in the page language. */
export function roleName(policy: Policy, activityTypeId: string, language: Language): string {
  return policy.activityTypes.find((a) => a.id === activityTypeId)?.name[language] ?? activityTypeId;
}

export function unitName(policy: Policy, serviceUnitId: string): string {
  return policy.serviceUnits.find((u) => u.id === serviceUnitId)?.name ?? serviceUnitId;
}

export const unitNames = (policy: Policy, serviceUnitIds: string[]) => serviceUnitIds.map((id) => unitName(policy, id)).join(', ');

/** The applicant's name, or that there is none any more. */
export const applicantName = (application: ApplicationView, language: Language) => application.name ?? t(language, 'queue.anonymised');

export interface QueuePage {
  applications: ApplicationView[];
  /** The status filtered on; none means those waiting for a decision. */
  status: ApplicationStatus | undefined;
}

function filterForm(language: Language, status: ApplicationStatus | undefined): Html {
  const options = FILTERABLE.map((s) => ({ value: s, label: statusWords(s, language) }));
  return html`<form method="get" action="/applications" class="filters" role="search" aria-label="${t(language, 'queue.filter')}">
${select({ name: 'status', label: t(language, 'queue.filter.status'), options, value: status, empty: t(language, 'queue.filter.waiting') })}
<div class="field"><button type="submit">${t(language, 'queue.filter.show')}</button></div>
</form>`;
}

function emptyState(language: Language, status: ApplicationStatus | undefined): Html {
  if (status) return html`<p>${t(language, 'queue.emptyStatus', { status: statusWords(status, language) })}</p>`;
  return html`<p>${t(language, 'queue.empty')}</p>
<p><a href="/bli-frivillig">${t(language, 'queue.emptyLink')}</a></p>`;
}

/**
 * The table scrolls inside its own focusable region, so a narrow phone scrolls the table, not the
 * page; the stylesheet has no class for it, and the policy allows inline styles.
 */
function table(language: Language, policy: Policy, applications: ApplicationView[]): Html {
  const rows = applications.map(
    (a, index) =>
      html`${index ? '\n' : null}<tr><th scope="row"><a href="/applications/${a.id}">${applicantName(a, language)}</a></th><td>${roleName(policy, a.activityTypeId, language)}</td><td>${unitNames(policy, a.serviceUnitIds)}</td><td>${when(a.confirmedAt, language)}</td><td>${statusWords(a.status, language)}</td></tr>`,
  );
  return html`<div role="region" aria-labelledby="queue-caption" tabindex="0" class="table-scroll"><table><caption id="queue-caption">${t(language, 'queue.caption', { count: applications.length })}</caption>
<thead><tr><th scope="col">${t(language, 'queue.col.applicant')}</th><th scope="col">${t(language, 'queue.col.role')}</th><th scope="col">${t(language, 'queue.col.units')}</th><th scope="col">${t(language, 'queue.col.confirmed')}</th><th scope="col">${t(language, 'queue.col.status')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`;
}

/** `/applications`: the applications waiting for a decision, oldest first, or those of one status. */
export function queueBody(language: Language, policy: Policy, page: QueuePage): Html {
  return html`<h1>${t(language, 'queue.title')}</h1>
<p>${t(language, 'queue.intro')}</p>
${filterForm(language, page.status)}
${page.applications.length ? table(language, policy, page.applications) : emptyState(language, page.status)}`;
}
