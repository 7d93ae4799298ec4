import type { EvaluationRecipient } from '../../../infra/db/entities/index.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { EvaluationStatus } from '../../../workflows/annual-evaluation/definitions.ts';
import { errorSummary, fieldError, input } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import { when } from '../../volunteers/views/time.ts';
import type { nb } from '../messages/nb.ts';
import { t } from '../messages/index.ts';

/** The annual evaluation pages: the years, and one year's answers, report and steps. */

type Problem = { field: string; message: string };

export interface EvaluationSummary {
  year: number;
  status: EvaluationStatus;
  kickedOffAt: Date;
  asked: number;
  answered: number;
}

export interface EvaluationListView {
  language: Language;
  csrfToken: string;
  evaluations: EvaluationSummary[];
  canKickOff: boolean;
  kickoff: { year: string | undefined; problems: Problem[] };
}

export interface RecipientRow {
  name: string;
  email: string;
  kind: EvaluationRecipient['kind'];
  /** The unit whose mailbox this is, when it is one. */
  unitName: string | undefined;
  respondedAt: Date | null;
}

export interface EvaluationPageView {
  language: Language;
  csrfToken: string;
  year: number;
  /** `starting`: the workflow runs but has not listed its recipients yet. */
  status: EvaluationStatus | 'starting';
  /** The collection is closed and the report is being made. */
  reporting: boolean;
  summary: EvaluationSummary | undefined;
  /** Who was asked: shown to the coordinator, who runs the evaluation. */
  recipients: RecipientRow[] | undefined;
  hasReport: boolean;
  caseNumber: string | null;
  sentOn: string | null;
  isCoordinator: boolean;
  sent: { values: Record<string, string | undefined>; problems: Problem[] };
}

const STATUS = {
  collecting: { badge: 'open', key: 'status.collecting' },
  reportReady: { badge: 'pending', key: 'status.reportReady' },
  approved: { badge: 'active', key: 'status.approved' },
  sentToPolitics: { badge: 'done', key: 'status.sentToPolitics' },
} as const satisfies Record<EvaluationStatus, { badge: string; key: keyof typeof nb }>;

export function statusBadge(status: EvaluationStatus, language: Language): Html {
  const { badge, key } = STATUS[status];
  return html`<span class="badge ${badge}">${t(language, key)}</span>`;
}

function kickoffForm(view: EvaluationListView): Html {
  const { language, kickoff } = view;
  return html`<h2>${t(language, 'kickoff.title')}</h2>
${errorSummary(t(language, 'kickoff.problems'), kickoff.problems)}
<p>${t(language, 'kickoff.intro')}</p>
<form method="post" action="/evaluations">
${csrfField(view.csrfToken)}
${input({ name: 'year', label: t(language, 'kickoff.year'), type: 'number', value: kickoff.year, required: true, error: fieldError(kickoff.problems, 'year'), attributes: { min: 2000, max: 2100 } })}
<button type="submit">${t(language, 'kickoff.submit')}</button>
</form>`;
}

/** `/evaluations`: every evaluated year with its status and answers, and the coordinator's kickoff form. */
export function evaluationListBody(view: EvaluationListView): Html {
  const { language } = view;
  const rows = view.evaluations.map(
    (e, index) => html`${index ? '\n' : null}<tr><th scope="row"><a href="/evaluations/${e.year}">${e.year}</a></th><td>${statusBadge(e.status, language)}</td>
<td>${when(e.kickedOffAt, language, false)}</td><td class="number">${e.asked}</td><td class="number">${e.answered}</td></tr>`,
  );
  const table = rows.length
    ? html`<table><caption>${t(language, 'list.caption')}</caption>
<thead><tr><th scope="col">${t(language, 'list.year')}</th><th scope="col">${t(language, 'list.status')}</th><th scope="col">${t(language, 'list.started')}</th>
<th scope="col" class="number">${t(language, 'list.asked')}</th><th scope="col" class="number">${t(language, 'list.answered')}</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : html`<p>${t(language, 'list.empty')}</p>`;
  return html`<h1>${t(language, 'list.title')}</h1>
${table}
${view.canKickOff ? kickoffForm(view) : null}`;
}

function role(r: RecipientRow, language: Language): string {
  if (r.unitName) return t(language, 'recipients.unit', { unit: r.unitName });
  return t(language, r.kind === 'organisationContact' ? 'recipients.organisationContact' : 'recipients.municipalContact');
}

function recipientsTable(view: EvaluationPageView, recipients: RecipientRow[]): Html {
  const { language } = view;
  const answer = (r: RecipientRow) =>
    r.respondedAt
      ? html`<span class="badge done">${t(language, 'recipients.answered')}</span> ${when(r.respondedAt, language, false)}`
      : html`<span class="badge pending">${t(language, 'recipients.notAnswered')}</span>`;
  const rows = recipients.map(
    (r, index) => html`${index ? '\n' : null}<tr><th scope="row">${r.name}</th><td>${role(r, language)}</td><td>${r.email}</td><td>${answer(r)}</td></tr>`,
  );
  return html`<table><caption>${t(language, 'recipients.caption')}</caption>
<thead><tr><th scope="col">${t(language, 'recipients.name')}</th><th scope="col">${t(language, 'recipients.role')}</th><th scope="col">${t(language, 'recipients.email')}</th><th scope="col">${t(language, 'recipients.answer')}</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function progress(view: EvaluationPageView): Html {
  const { language } = view;
  const message = t(language, view.status === 'starting' ? 'progress.starting' : 'progress.reporting');
  return html`<p role="status">${message} ${t(language, 'progress.refresh')}</p>
<div class="field"><label for="progress">${t(language, 'progress.label')}</label><progress id="progress"></progress></div>`;
}

function step(view: EvaluationPageView): Html | null {
  const { language, year, sent } = view;
  const form = (action: string, content: Html) => html`<form method="post" action="/evaluations/${year}/${action}">${csrfField(view.csrfToken)}
${content}</form>`;
  switch (view.status) {
    case 'collecting':
      return view.reporting
        ? null
        : html`<h2>${t(language, 'close.title')}</h2>
<p>${t(language, 'close.intro')}</p>
${form('close', html`<button type="submit" class="secondary">${t(language, 'close.submit')}</button>`)}`;
    case 'reportReady':
      return html`<h2>${t(language, 'approve.title')}</h2>
<p>${t(language, 'approve.intro')}</p>
${form('approve', html`<button type="submit">${t(language, 'approve.submit')}</button>`)}`;
    case 'approved':
      return html`<h2>${t(language, 'sent.title')}</h2>
${errorSummary(t(language, 'sent.problems'), sent.problems)}
${form(
  'sent',
  html`${input({ name: 'caseNumber', label: t(language, 'sent.caseNumber'), value: sent.values.caseNumber, required: true, hint: t(language, 'sent.caseNumber.hint'), error: fieldError(sent.problems, 'caseNumber') })}
${input({ name: 'sentOn', label: t(language, 'sent.sentOn'), type: 'date', value: sent.values.sentOn, required: true, error: fieldError(sent.problems, 'sentOn') })}
<button type="submit">${t(language, 'sent.submit')}</button>`,
)}`;
    case 'sentToPolitics':
    case 'starting':
      return null;
  }
}

function sentLine({ language, sentOn, caseNumber }: EvaluationPageView): Html {
  return html`<p>${t(language, 'year.sentLine', { on: when(sentOn, language, false), caseNumber: caseNumber ?? '–' })}</p>`;
}

/** `/evaluations/:year`: where the year's evaluation stands, who answered, the report and the coordinator's next step. */
export function evaluationBody(view: EvaluationPageView): Html {
  const { language, year, summary } = view;
  const links = view.hasReport
    ? html`<ul><li><a href="/reports/${year}?lang=${language}">${t(language, 'year.print')}</a></li>
<li><a href="/api/evaluations/${year}/report.csv" download>${t(language, 'year.csv')}</a></li></ul>`
    : null;
  const figures = summary
    ? html`<p>${statusBadge(summary.status, language)} ${t(language, 'year.started')} ${when(summary.kickedOffAt, language)}.</p>
<div class="cards"><div class="card"><p>${t(language, 'year.asked')}</p><p class="figure">${summary.asked}</p></div>
<div class="card"><p>${t(language, 'year.answered')}</p><p class="figure">${summary.answered}</p></div></div>`
    : null;
  return html`<h1>${t(language, 'year.title', { year })}</h1>
${figures}
${view.status === 'starting' || view.reporting ? progress(view) : null}
${view.status === 'sentToPolitics' ? sentLine(view) : null}
${links}
${view.isCoordinator ? step(view) : null}
${view.recipients ? recipientsTable(view, view.recipients) : null}
<p><a href="/evaluations">${t(language, 'year.all')}</a></p>`;
}
