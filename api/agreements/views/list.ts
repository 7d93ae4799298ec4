import { AGREEMENT_STATUSES, type AgreementStatus, type ReviewOutcome } from '../../../workflows/agreement/definitions.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import type { Choice } from './fields.ts';
import { dayInWords, OUTCOME_WORDS, STATUS_BADGE, STATUS_WORDS } from './texts.ts';
import { select } from '../../views/forms.ts';
import { tr } from '../../views/layout.ts';
import { pagination } from '../../views/pagination.ts';

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

export function statusBadge(status: AgreementStatus, language: Language): string {
  return `<span class="badge ${STATUS_BADGE[status]}">${escapeHtml(STATUS_WORDS[status][language])}</span>`;
}

/** The review's due date, with «Forfalt» written out when it has passed. */
export function dueDate(reviewDueOn: string | null, overdue: boolean, language: Language): string {
  if (!reviewDueOn) return tr(language, 'Ikke satt', 'Not set');
  const day = escapeHtml(dayInWords(reviewDueOn, language));
  return overdue ? `${day} <strong class="badge overdue">${tr(language, 'Forfalt', 'Overdue')}</strong>` : day;
}

/** A table of agreements, each linking to its page. */
export function agreementsTable(language: Language, rows: AgreementRow[], caption: string): string {
  if (!rows.length) return `<p>${tr(language, 'Ingen avtaler.', 'No agreements.')}</p>`;
  const body = rows
    .map(
      (r) => `<tr>
<td><a href="/agreements/${escapeHtml(r.id)}">${escapeHtml(r.organisationName)}</a></td>
<td>${statusBadge(r.status, language)}</td>
<td>${escapeHtml(r.units.join(', '))}</td>
<td>${dueDate(r.reviewDueOn, r.overdue, language)}</td>
<td>${r.lastOutcome ? escapeHtml(OUTCOME_WORDS[r.lastOutcome][language]) : tr(language, 'Ingen ennå', 'None yet')}</td>
</tr>`,
    )
    .join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption>
<thead><tr><th scope="col">${tr(language, 'Organisasjon', 'Organisation')}</th><th scope="col">${tr(language, 'Status', 'Status')}</th><th scope="col">${tr(language, 'Virksomheter', 'Service units')}</th><th scope="col">${tr(language, 'Neste gjennomgang', 'Next review')}</th><th scope="col">${tr(language, 'Siste utfall', 'Last outcome')}</th></tr></thead>
<tbody>${body}</tbody></table>`;
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
export function agreementListBody(page: AgreementListPage): string {
  const { language } = page;
  const statuses = AGREEMENT_STATUSES.map((s) => ({ value: s, label: STATUS_WORDS[s][language] }));
  const create = page.canCreate ? `<p><a class="button" href="/agreements/new">${tr(language, 'Ny avtale', 'New agreement')}</a></p>` : '';
  return `<h1>${tr(language, 'Samarbeidsavtaler', 'Cooperation agreements')}</h1>
${create}
<form method="get" action="/agreements" class="filters" aria-label="${tr(language, 'Filtrer avtalene', 'Filter the agreements')}">
${select({ name: 'status', label: tr(language, 'Status', 'Status'), options: statuses, value: page.filters.status, empty: tr(language, 'Alle', 'All') })}
${select({ name: 'organisationId', label: tr(language, 'Organisasjon', 'Organisation'), options: page.organisations, value: page.filters.organisationId, empty: tr(language, 'Alle', 'All') })}
<div class="field"><button type="submit" class="secondary">${tr(language, 'Vis', 'Show')}</button></div>
</form>
${agreementsTable(language, page.rows, tr(language, `${page.total} avtaler`, `${page.total} agreements`))}
${pagination(language, '/agreements', page.filters, page.page, page.total)}`;
}
