import { AGREEMENT_STATUSES, type AgreementStatus, type ReviewOutcome } from '../../../workflows/agreement/definitions.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { lines, type Choice } from '../../views/forms.ts';
import { dayInWords, outcomeWords, STATUS_BADGE, statusWords } from './texts.ts';
import { select } from '../../views/forms.ts';
import { pagination } from '../../views/pagination.ts';
import { t } from '../messages/index.ts';

/** One agreement as the lists show it. */
export interface AgreementRow {
  id: string;
  organisationName: string;
  status: AgreementStatus;
  units: string[];
  reviewDueOn: string | null;
  overdue: boolean;
  lastOutcome: ReviewOutcome | null;
}

export function statusBadge(status: AgreementStatus, language: Language): Html {
  return html`<span class="badge ${STATUS_BADGE[status]}">${statusWords(status, language)}</span>`;
}

/** The review's due date, with «Forfalt» written out when it has passed. */
export function dueDate(reviewDueOn: string | null, overdue: boolean, language: Language): Html {
  if (!reviewDueOn) return html`${t(language, 'list.notSet')}`;
  const day = dayInWords(reviewDueOn, language);
  return overdue ? html`${day} <strong class="badge overdue">${t(language, 'list.overdue')}</strong>` : html`${day}`;
}

/** The last review's outcome, or that there has been none. */
export function lastOutcome(outcome: ReviewOutcome | null | undefined, language: Language): string {
  return outcome ? outcomeWords(outcome, language) : t(language, 'common.noneYet');
}

/** A table of agreements, each linking to its page. */
export function agreementsTable(language: Language, rows: AgreementRow[], caption: string): Html {
  if (!rows.length) return html`<p>${t(language, 'list.empty')}</p>`;
  const body = rows.map(
    (r) => html`<tr>
<td><a href="/agreements/${r.id}">${r.organisationName}</a></td>
<td>${statusBadge(r.status, language)}</td>
<td>${r.units.join(', ')}</td>
<td>${dueDate(r.reviewDueOn, r.overdue, language)}</td>
<td>${lastOutcome(r.lastOutcome, language)}</td>
</tr>`,
  );
  return html`<table><caption>${caption}</caption>
<thead><tr><th scope="col">${t(language, 'field.organisationId')}</th><th scope="col">${t(language, 'common.status')}</th><th scope="col">${t(language, 'field.serviceUnitIds')}</th><th scope="col">${t(language, 'list.nextReview')}</th><th scope="col">${t(language, 'list.lastOutcome')}</th></tr></thead>
<tbody>${lines(body)}</tbody></table>`;
}

export interface AgreementListPage {
  language: Language;
  rows: AgreementRow[];
  total: number;
  page: number;
  filters: { status?: string | undefined; organisationId?: string | undefined };
  organisations: Choice[];
  canCreate: boolean;
}

/** `/agreements`: every agreement the user may see, filtered by status and organisation, those due first. */
export function agreementListBody(page: AgreementListPage): Html {
  const { language } = page;
  const statuses = AGREEMENT_STATUSES.map((s) => ({ value: s, label: statusWords(s, language) }));
  const create = page.canCreate ? html`<p><a class="button" href="/agreements/new">${t(language, 'list.new')}</a></p>` : null;
  return html`<h1>${t(language, 'list.title')}</h1>
${create}
<form method="get" action="/agreements" class="filters" aria-label="${t(language, 'list.filters')}">
${select({ name: 'status', label: t(language, 'common.status'), options: statuses, value: page.filters.status, empty: t(language, 'list.all') })}
${select({ name: 'organisationId', label: t(language, 'field.organisationId'), options: page.organisations, value: page.filters.organisationId, empty: t(language, 'list.all') })}
<div class="field"><button type="submit" class="secondary">${t(language, 'list.show')}</button></div>
</form>
${agreementsTable(language, page.rows, t(language, 'list.caption', { count: page.total }))}
${pagination(language, '/agreements', page.filters, page.page, page.total)}`;
}
