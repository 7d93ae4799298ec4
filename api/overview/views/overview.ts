import type { AgreementStatus } from '../../../workflows/agreement/definitions.ts';
import type { EvaluationStatus } from '../../../workflows/annual-evaluation/definitions.ts';
import { PHASES, type Phase, type StepName } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { phaseName, stepTitle } from '../../../infra/i18n/vocabulary/index.ts';
import { statusBadge } from '../../evaluation/views/evaluations.ts';
import { when } from '../../volunteers/views/time.ts';
import type { nb } from '../messages/nb.ts';
import { t } from '../messages/index.ts';
import { scrollingTable } from '../../views/table-region.ts';
import { overviewCharts, type ChartsView } from './overview-charts.ts';

export interface OverviewView extends ChartsView {
  language: Language;
  perPhase: Record<Phase, number>;
  perUnit: { id: string; name: string; perPhase: Record<Phase, number>; overdue: number }[];
  perStep: { step: StepName; open: number; overdue: number }[];
  overdueTotal: number;
  overdue: {
    volunteerId: string;
    name: string;
    unitName: string;
    step: StepName;
    dueAt: Date | null;
    /** The assigned contact, or (name null) the unit's mailbox. */
    followedUpBy: { name: string | null; email: string | null };
  }[];
  agreements: { id: string; organisationName: string; status: AgreementStatus; reviewDueOn: string; overdue: boolean }[];
  reviewHorizonDays: number;
  evaluations: { year: number; status: EvaluationStatus | null; kickedOffAt: Date | null; caseNumber: string | null; sentOn: string | null }[];
}

/** An agreement's status in words, with the badge class beside it (as on the agreement pages); never colour alone. */
const AGREEMENT_STATUS = {
  draft: { badge: 'pending', key: 'agreementStatus.draft' },
  active: { badge: 'active', key: 'agreementStatus.active' },
  reviewDue: { badge: 'open', key: 'agreementStatus.reviewDue' },
  underReview: { badge: 'open', key: 'agreementStatus.underReview' },
  terminated: { badge: 'done', key: 'agreementStatus.terminated' },
} as const satisfies Record<AgreementStatus, { badge: string; key: keyof typeof nb }>;

const link = (href: string, text: Html | string | number) => html`<a href="${href}">${text}</a>`;
/** Rows one to a line, as the page has always been laid out. */
const onLines = (rows: readonly Html[]) => rows.map((row, index) => (index ? html`\n${row}` : row));

function cards(view: OverviewView): Html {
  const { language, perPhase } = view;
  const card = (figure: number, label: string, href: string) => html`<div class="card"><p class="figure">${figure}</p><p>${link(href, label)}</p></div>`;
  return html`<div class="cards">
${card(perPhase.onboarding, t(language, 'cards.onboarding'), '/volunteers?phase=onboarding')}
${card(perPhase.active, t(language, 'cards.active'), '/volunteers?phase=active')}
${card(view.overdueTotal, t(language, 'cards.overdue'), '/volunteers?overdue=true')}
${card(view.agreements.length, t(language, 'cards.agreements'), '/agreements')}
</div>`;
}

function phases(view: OverviewView): Html {
  const { language } = view;
  const perPhase = PHASES.map(
    (p) => html`<tr><th scope="row">${link(`/volunteers?phase=${p}`, phaseName(p, language))}</th><td class="number">${view.perPhase[p]}</td></tr>`,
  );
  const units = view.perUnit.map(
    (u) =>
      html`<tr><th scope="row">${link(`/volunteers?serviceUnitId=${encodeURIComponent(u.id)}`, u.name)}</th>${PHASES.map((p) => html`<td class="number">${u.perPhase[p]}</td>`)}<td class="number">${u.overdue}</td></tr>`,
  );
  return html`<h2>${t(language, 'volunteers.heading')}</h2>
<table><caption>${t(language, 'volunteers.perPhase')}</caption>
<thead><tr><th scope="col">${t(language, 'column.phase')}</th><th scope="col" class="number">${t(language, 'column.count')}</th></tr></thead>
<tbody>${onLines(perPhase)}</tbody></table>
${scrollingTable(
  'per-unit-caption',
  html`<table><caption id="per-unit-caption">${t(language, 'volunteers.perUnit')}</caption>
<thead><tr><th scope="col">${t(language, 'column.unit')}</th>${PHASES.map((p) => html`<th scope="col" class="number">${phaseName(p, language)}</th>`)}<th scope="col" class="number">${t(language, 'column.overdueSteps')}</th></tr></thead>
<tbody>${onLines(units)}</tbody></table>`,
)}`;
}

function steps(view: OverviewView): Html {
  const { language } = view;
  const rows = view.perStep.map(
    (s) =>
      html`<tr><th scope="row">${stepTitle(s.step, language)}</th><td class="number">${link(`/volunteers?step=${s.step}`, s.open + s.overdue)}</td><td class="number">${link(`/volunteers?step=${s.step}&overdue=true`, s.overdue)}</td></tr>`,
  );
  return html`<table><caption>${t(language, 'steps.caption')}</caption>
<thead><tr><th scope="col">${t(language, 'column.step')}</th><th scope="col" class="number">${t(language, 'column.open')}</th><th scope="col" class="number">${t(language, 'column.ofWhichOverdue')}</th></tr></thead>
<tbody>${onLines(rows)}</tbody></table>`;
}

function followedUpBy(f: OverviewView['overdue'][number]['followedUpBy'], language: Language): Html | string {
  if (f.name) return html`${f.name}${f.email ? html` &lt;${f.email}&gt;` : null}`;
  return t(language, 'overdue.mailbox', { email: f.email ?? '' });
}

function overdue(view: OverviewView): Html {
  const { language } = view;
  const heading = html`<h2>${t(language, 'overdue.heading')}</h2>`;
  if (!view.overdue.length) return html`${heading}<p>${t(language, 'overdue.none')}</p>`;
  const rows = view.overdue.map(
    (o) =>
      html`<tr><th scope="row">${link(`/volunteers/${o.volunteerId}`, o.name)}</th><td>${o.unitName}</td><td>${stepTitle(o.step, language)}</td><td>${when(o.dueAt, language)}</td><td>${followedUpBy(o.followedUpBy, language)}</td></tr>`,
  );
  const more =
    view.overdueTotal > view.overdue.length ? html`<p>${link('/volunteers?overdue=true', t(language, 'overdue.seeAll', { count: String(view.overdueTotal) }))}</p>` : null;
  return html`${heading}
${scrollingTable(
  'overdue-caption',
  html`<table><caption id="overdue-caption">${t(language, 'overdue.caption')}</caption>
<thead><tr><th scope="col">${t(language, 'column.volunteer')}</th><th scope="col">${t(language, 'column.unit')}</th><th scope="col">${t(language, 'column.step')}</th><th scope="col">${t(language, 'column.due')}</th><th scope="col">${t(language, 'column.followingUp')}</th></tr></thead>
<tbody>${onLines(rows)}</tbody></table>`,
)}${more}`;
}

function agreements(view: OverviewView): Html {
  const { language } = view;
  const days = String(view.reviewHorizonDays);
  const heading = html`<h2>${t(language, 'agreements.heading')}</h2>`;
  if (!view.agreements.length) return html`${heading}<p>${t(language, 'agreements.none', { days })}</p>`;
  const rows = view.agreements.map((a) => {
    const status = AGREEMENT_STATUS[a.status];
    return html`<tr><th scope="row">${link(`/agreements/${a.id}`, a.organisationName)}</th><td><span class="badge ${status.badge}">${t(language, status.key)}</span></td><td>${when(a.reviewDueOn, language, false)}${
      a.overdue ? html` <span class="badge overdue">${t(language, 'agreements.overdue')}</span>` : null
    }</td></tr>`;
  });
  return html`${heading}
<table><caption>${t(language, 'agreements.caption', { days })}</caption>
<thead><tr><th scope="col">${t(language, 'column.organisation')}</th><th scope="col">${t(language, 'column.status')}</th><th scope="col">${t(language, 'column.reviewDue')}</th></tr></thead>
<tbody>${onLines(rows)}</tbody></table>`;
}

function evaluationDetail(e: OverviewView['evaluations'][number], language: Language): string {
  if (e.caseNumber) {
    const caseNumber = t(language, 'evaluations.caseNumber', { caseNumber: e.caseNumber });
    return e.sentOn ? `${caseNumber}, ${when(e.sentOn, language, false)}` : caseNumber;
  }
  return e.kickedOffAt ? t(language, 'evaluations.started', { on: when(e.kickedOffAt, language, false) }) : '–';
}

function evaluations(view: OverviewView): Html {
  const { language } = view;
  const rows = view.evaluations.map((e) => {
    const state = e.status ? statusBadge(e.status, language) : t(language, 'evaluations.notStarted');
    const year = e.status ? link(`/evaluations/${e.year}`, e.year) : e.year;
    return html`<tr><th scope="row">${year}</th><td>${state}</td><td>${evaluationDetail(e, language)}</td></tr>`;
  });
  return html`<h2>${t(language, 'evaluations.heading')}</h2>
<table><caption>${t(language, 'evaluations.caption')}</caption>
<thead><tr><th scope="col">${t(language, 'column.year')}</th><th scope="col">${t(language, 'column.status')}</th><th scope="col">${t(language, 'column.details')}</th></tr></thead>
<tbody>${onLines(rows)}</tbody></table>
<p>${link('/evaluations', t(language, 'evaluations.link'))}</p>`;
}

/** `/overview`: the figures, what is overdue and who must act, the charts, agreements due for review, and the annual evaluation. */
export function overviewBody(view: OverviewView): Html {
  return html`<h1>${t(view.language, 'overview.title')}</h1>
${cards(view)}
${overdue(view)}
${phases(view)}
${steps(view)}
${overviewCharts(view)}
${agreements(view)}
${evaluations(view)}`;
}
