import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import type { BulkOutcome, BulkReport, BulkResult } from '../commands.ts';
import type { BulkAction } from '../schemas.ts';
import type { BulkKey } from '../messages/index.ts';
import { t } from '../messages/index.ts';

export const ACTION_KEYS = {
  assignContact: 'action.assignContact',
  enrol: 'action.enrol',
  remind: 'action.remind',
} as const satisfies Record<BulkAction, BulkKey>;

const OUTCOME_KEYS = {
  done: 'outcome.done',
  waitlisted: 'outcome.waitlisted',
  notFound: 'outcome.notFound',
  failed: 'outcome.failed',
} as const satisfies Record<Exclude<BulkOutcome, 'refused'>, BulkKey>;

/** The refusals a person is told about in their own words; any other shows as «not possible now». */
const REFUSAL_KEYS: Record<string, BulkKey> = {
  NothingToRemind: 'refused.NothingToRemind',
  VolunteerPaused: 'refused.VolunteerPaused',
  VolunteerClosed: 'refused.VolunteerClosed',
  courseNotOpen: 'refused.courseNotOpen',
  notForThisSession: 'refused.notForThisSession',
  alreadyBooked: 'refused.alreadyBooked',
  alreadyOnRoster: 'refused.alreadyOnRoster',
};

/** One person's result in words: the outcome, and for a refusal why, in the reader's language where we know the reason. */
export function resultText(language: Language, result: BulkResult): string {
  if (result.outcome !== 'refused') return t(language, OUTCOME_KEYS[result.outcome]);
  return t(language, (result.code && REFUSAL_KEYS[result.code]) || 'refused.other');
}

export function actionTitle(language: Language, report: Pick<BulkReport, 'action'>): string {
  return t(language, 'results.title', { action: t(language, ACTION_KEYS[report.action]) });
}

/** The answer to a bulk form: how many came to what, and a line per person. */
export function bulkResultsBody(language: Language, report: BulkReport, names: Map<string, string>): Html {
  const counts = Object.fromEntries(Object.entries(report.counts).map(([k, v]) => [k, String(v)]));
  const rows = report.results.map((r, index) => {
    const name = names.get(r.volunteerId);
    const who = name ? html`<a href="/volunteers/${r.volunteerId}">${name}</a>` : t(language, 'results.unknown');
    return html`${index ? '\n' : null}<tr><th scope="row">${who}</th><td>${resultText(language, r)}</td></tr>`;
  });
  return html`<h1>${actionTitle(language, report)}</h1>
<p role="status">${t(language, 'results.summary', counts)}</p>
<table><thead><tr><th scope="col">${t(language, 'results.volunteer')}</th><th scope="col">${t(language, 'results.result')}</th></tr></thead>
<tbody>${rows}</tbody></table>
<p><a href="/volunteers">${t(language, 'results.back')}</a></p>`;
}
