import type { EvaluationRecipient } from '../../../infra/db/entities/index.ts';
import type { EvaluationStatus } from '../../../workflows/annual-evaluation/definitions.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { errorSummary, fieldError, input } from '../../views/forms.ts';
import { csrfField, tr } from '../../views/layout.ts';
import { when } from '../../volunteers/views/time.ts';

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

const STATUS: Record<EvaluationStatus, [badge: string, nb: string, en: string]> = {
  collecting: ['open', 'Under innsamling', 'Collecting answers'],
  reportReady: ['pending', 'Rapporten venter på godkjenning', 'Report awaiting approval'],
  approved: ['active', 'Godkjent', 'Approved'],
  sentToPolitics: ['done', 'Sendt til politisk behandling', 'Sent to political consideration'],
};

export function statusBadge(status: EvaluationStatus, language: Language): string {
  const [badge, nb, en] = STATUS[status];
  return `<span class="badge ${badge}">${tr(language, nb, en)}</span>`;
}

function kickoffForm(view: EvaluationListView): string {
  const { language, kickoff } = view;
  return `<h2>${tr(language, 'Start evalueringen av et år', 'Start the evaluation of a year')}</h2>
${errorSummary(tr(language, 'Evalueringen ble ikke startet', 'The evaluation was not started'), kickoff.problems)}
<p>${tr(
    language,
    'Evalueringen starter av seg selv hvert år. Her kan du starte den for et år nå; hvert år evalueres bare én gang. Alle frivilligkontakter, virksomheter og organisasjoner med avtale får en e-post med lenke til skjemaet.',
    'The evaluation starts by itself every year. Here you can start it for a year now; each year is evaluated only once. Every volunteer contact, unit and organisation with an agreement gets an email with a link to the form.',
  )}</p>
<form method="post" action="/evaluations">
${csrfField(view.csrfToken)}
${input({ name: 'year', label: tr(language, 'År som evalueres', 'Year to evaluate'), type: 'number', value: kickoff.year, required: true, error: fieldError(kickoff.problems, 'year'), attributes: 'min="2000" max="2100"' })}
<button type="submit">${tr(language, 'Start evalueringen', 'Start the evaluation')}</button>
</form>`;
}

/** `/evaluations`: every evaluated year with its status and answers, and the coordinator's kickoff form. */
export function evaluationListBody(view: EvaluationListView): string {
  const { language } = view;
  const rows = view.evaluations.map(
    (e) => `<tr><th scope="row"><a href="/evaluations/${e.year}">${e.year}</a></th><td>${statusBadge(e.status, language)}</td>
<td>${when(e.kickedOffAt, language, false)}</td><td class="number">${e.asked}</td><td class="number">${e.answered}</td></tr>`,
  );
  const table = rows.length
    ? `<table><caption>${tr(language, 'Evalueringer', 'Evaluations')}</caption>
<thead><tr><th scope="col">${tr(language, 'År', 'Year')}</th><th scope="col">${tr(language, 'Status', 'Status')}</th><th scope="col">${tr(language, 'Startet', 'Started')}</th>
<th scope="col" class="number">${tr(language, 'Spurt', 'Asked')}</th><th scope="col" class="number">${tr(language, 'Svart', 'Answered')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`
    : `<p>${tr(language, 'Ingen år er evaluert ennå.', 'No year has been evaluated yet.')}</p>`;
  return `<h1>${tr(language, 'Årlig evaluering', 'Annual evaluation')}</h1>
${table}
${view.canKickOff ? kickoffForm(view) : ''}`;
}

function recipientsTable(view: EvaluationPageView, recipients: RecipientRow[]): string {
  const { language } = view;
  const role = (r: RecipientRow) =>
    r.unitName
      ? tr(language, `Virksomhet: ${r.unitName}`, `Service unit: ${r.unitName}`)
      : r.kind === 'organisationContact'
        ? tr(language, 'Kontaktperson i organisasjon', 'Organisation contact')
        : tr(language, 'Kommunal kontaktperson', 'Municipal contact');
  const answer = (r: RecipientRow) =>
    r.respondedAt
      ? `<span class="badge done">${tr(language, 'Svart', 'Answered')}</span> ${when(r.respondedAt, language, false)}`
      : `<span class="badge pending">${tr(language, 'Ikke svart', 'Not answered')}</span>`;
  const rows = recipients.map(
    (r) => `<tr><th scope="row">${escapeHtml(r.name)}</th><td>${escapeHtml(role(r))}</td><td>${escapeHtml(r.email)}</td><td>${answer(r)}</td></tr>`,
  );
  return `<table><caption>${tr(language, 'Hvem som er spurt, og hvem som har svart', 'Who was asked, and who answered')}</caption>
<thead><tr><th scope="col">${tr(language, 'Navn', 'Name')}</th><th scope="col">${tr(language, 'Rolle', 'Role')}</th><th scope="col">${tr(language, 'E-post', 'Email')}</th><th scope="col">${tr(language, 'Svar', 'Answer')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function progress(view: EvaluationPageView): string {
  const { language } = view;
  const message =
    view.status === 'starting'
      ? tr(language, 'Evalueringen starter: mottakerne listes opp og e-postene sendes.', 'The evaluation is starting: the recipients are being listed and the emails sent.')
      : tr(language, 'Innsamlingen er avsluttet, og rapporten lages nå.', 'The collection is closed, and the report is being made.');
  return `<p role="status">${message} ${tr(language, 'Siden oppdateres av seg selv.', 'The page updates itself.')}</p>
<div class="field"><label for="progress">${tr(language, 'Fremdrift', 'Progress')}</label><progress id="progress"></progress></div>`;
}

function step(view: EvaluationPageView): string {
  const { language, year, sent } = view;
  const form = (action: string, content: string) => `<form method="post" action="/evaluations/${year}/${action}">${csrfField(view.csrfToken)}\n${content}</form>`;
  switch (view.status) {
    case 'collecting':
      return view.reporting
        ? ''
        : `<h2>${tr(language, 'Avslutt innsamlingen', 'Close the collection')}</h2>
<p>${tr(language, 'Når du har svarene du trenger, kan du avslutte innsamlingen nå. Da sendes ingen flere påminnelser, og rapporten lages med en gang.', 'When you have the answers you need, you can close the collection now. No more reminders are sent, and the report is made at once.')}</p>
${form('close', `<button type="submit" class="secondary">${tr(language, 'Avslutt innsamlingen og lag rapporten', 'Close the collection and make the report')}</button>`)}`;
    case 'reportReady':
      return `<h2>${tr(language, 'Godkjenn rapporten', 'Approve the report')}</h2>
<p>${tr(language, 'Les rapporten før du godkjenner den. Etter godkjenning kan den sendes til politisk behandling.', 'Read the report before you approve it. Once approved, it can be sent to political consideration.')}</p>
${form('approve', `<button type="submit">${tr(language, 'Godkjenn rapporten', 'Approve the report')}</button>`)}`;
    case 'approved':
      return `<h2>${tr(language, 'Sendt til politisk behandling', 'Sent to political consideration')}</h2>
${errorSummary(tr(language, 'Opplysningene ble ikke lagret', 'The details were not saved'), sent.problems)}
${form(
  'sent',
  `${input({ name: 'caseNumber', label: tr(language, 'Saksnummer', 'Case number'), value: sent.values.caseNumber, required: true, hint: tr(language, 'For eksempel 2026/1234', 'For example 2026/1234'), error: fieldError(sent.problems, 'caseNumber') })}
${input({ name: 'sentOn', label: tr(language, 'Dato sendt', 'Date sent'), type: 'date', value: sent.values.sentOn, required: true, error: fieldError(sent.problems, 'sentOn') })}
<button type="submit">${tr(language, 'Registrer som sendt', 'Record as sent')}</button>`,
)}`;
    case 'sentToPolitics':
    case 'starting':
      return '';
  }
}

function sentLine({ language, sentOn, caseNumber }: EvaluationPageView): string {
  const on = when(sentOn, language, false);
  const number = escapeHtml(caseNumber ?? '–');
  return `<p>${tr(language, `Rapporten ble sendt til politisk behandling ${on} med saksnummer ${number}.`, `The report was sent to political consideration on ${on} with case number ${number}.`)}</p>`;
}

/** `/evaluations/:year`: where the year's evaluation stands, who answered, the report and the coordinator's next step. */
export function evaluationBody(view: EvaluationPageView): string {
  const { language, year, summary } = view;
  const links = view.hasReport
    ? `<ul><li><a href="/reports/${year}?lang=${language}">${tr(language, 'Rapporten, klar til utskrift', 'The report, ready to print')}</a></li>
<li><a href="/api/evaluations/${year}/report.csv" download>${tr(language, 'Rapportens timer som CSV', 'The report\'s hours as CSV')}</a></li></ul>`
    : '';
  const figures = summary
    ? `<p>${statusBadge(summary.status, language)} ${tr(language, 'Startet', 'Started')} ${when(summary.kickedOffAt, language)}.</p>
<div class="cards"><div class="card"><p>${tr(language, 'Spurt', 'Asked')}</p><p class="figure">${summary.asked}</p></div>
<div class="card"><p>${tr(language, 'Har svart', 'Answered')}</p><p class="figure">${summary.answered}</p></div></div>`
    : '';
  return `<h1>${tr(language, `Årlig evaluering ${year}`, `Annual evaluation ${year}`)}</h1>
${figures}
${view.status === 'starting' || view.reporting ? progress(view) : ''}
${view.status === 'sentToPolitics' ? sentLine(view) : ''}
${links}
${view.isCoordinator ? step(view) : ''}
${view.recipients ? recipientsTable(view, view.recipients) : ''}
<p><a href="/evaluations">${tr(language, 'Alle evalueringer', 'All evaluations')}</a></p>`;
}
