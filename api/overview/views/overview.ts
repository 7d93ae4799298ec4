import type { AgreementStatus } from '../../../workflows/agreement/definitions.ts';
import type { EvaluationStatus } from '../../../workflows/annual-evaluation/definitions.ts';
import { PHASES, type Phase, type StepName } from '../../../workflows/volunteer-lifecycle/definitions.ts';
import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { STATUS_BADGE, STATUS_WORDS } from '../../agreements/views/texts.ts';
import { statusBadge } from '../../evaluation/views/evaluations.ts';
import { tr } from '../../views/layout.ts';
import { PHASE_NAMES, stepName } from '../../volunteers/views/labels.ts';
import { when } from '../../volunteers/views/time.ts';

export interface OverviewView {
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

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${text}</a>`;

function cards(view: OverviewView): string {
  const { language, perPhase } = view;
  const card = (figure: number, label: string, href: string) => `<div class="card"><p class="figure">${figure}</p><p>${link(href, escapeHtml(label))}</p></div>`;
  return `<div class="cards">
${card(perPhase.onboarding, tr(language, 'under opplæring', 'onboarding'), '/volunteers?phase=onboarding')}
${card(perPhase.active, tr(language, 'aktive frivillige', 'active volunteers'), '/volunteers?phase=active')}
${card(view.overdueTotal, tr(language, 'forfalte steg', 'overdue steps'), '/volunteers?overdue=true')}
${card(view.agreements.length, tr(language, 'avtaler til gjennomgang', 'agreements due for review'), '/agreements')}
</div>`;
}

function phases(view: OverviewView): string {
  const { language } = view;
  const perPhase = PHASES.map(
    (p) => `<tr><th scope="row">${link(`/volunteers?phase=${p}`, escapeHtml(PHASE_NAMES[p][language]))}</th><td class="number">${view.perPhase[p]}</td></tr>`,
  );
  const units = view.perUnit.map(
    (u) => `<tr><th scope="row">${link(`/volunteers?serviceUnitId=${encodeURIComponent(u.id)}`, escapeHtml(u.name))}</th>${PHASES.map((p) => `<td class="number">${u.perPhase[p]}</td>`).join('')}<td class="number">${u.overdue}</td></tr>`,
  );
  return `<h2>${tr(language, 'Frivillige', 'Volunteers')}</h2>
<table><caption>${tr(language, 'Frivillige per fase', 'Volunteers per phase')}</caption>
<thead><tr><th scope="col">${tr(language, 'Fase', 'Phase')}</th><th scope="col" class="number">${tr(language, 'Antall', 'Count')}</th></tr></thead>
<tbody>${perPhase.join('\n')}</tbody></table>
<table><caption>${tr(language, 'Frivillige per enhet og fase', 'Volunteers per unit and phase')}</caption>
<thead><tr><th scope="col">${tr(language, 'Enhet', 'Unit')}</th>${PHASES.map((p) => `<th scope="col" class="number">${escapeHtml(PHASE_NAMES[p][language])}</th>`).join('')}<th scope="col" class="number">${tr(language, 'Forfalte steg', 'Overdue steps')}</th></tr></thead>
<tbody>${units.join('\n')}</tbody></table>`;
}

function steps(view: OverviewView): string {
  const { language } = view;
  const rows = view.perStep.map(
    (s) => `<tr><th scope="row">${escapeHtml(stepName(s.step, language))}</th><td class="number">${link(`/volunteers?step=${s.step}`, String(s.open + s.overdue))}</td><td class="number">${link(`/volunteers?step=${s.step}&overdue=true`, String(s.overdue))}</td></tr>`,
  );
  return `<table><caption>${tr(language, 'Åpne steg', 'Open steps')}</caption>
<thead><tr><th scope="col">${tr(language, 'Steg', 'Step')}</th><th scope="col" class="number">${tr(language, 'Åpne', 'Open')}</th><th scope="col" class="number">${tr(language, 'Herav forfalt', 'Of which overdue')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function overdue(view: OverviewView): string {
  const { language } = view;
  const heading = `<h2>${tr(language, 'Forfalt – hvem må handle', 'Overdue – who must act')}</h2>`;
  if (!view.overdue.length) return `${heading}<p>${tr(language, 'Ingen steg er forfalt.', 'No step is overdue.')}</p>`;
  const who = (f: OverviewView['overdue'][number]['followedUpBy']) =>
    f.name ? `${escapeHtml(f.name)}${f.email ? ` &lt;${escapeHtml(f.email)}&gt;` : ''}` : `${tr(language, 'Enhetens postkasse', 'The unit\'s mailbox')} ${escapeHtml(f.email ?? '')}`;
  const rows = view.overdue.map(
    (o) => `<tr><th scope="row">${link(`/volunteers/${o.volunteerId}`, escapeHtml(o.name))}</th><td>${escapeHtml(o.unitName)}</td><td>${escapeHtml(stepName(o.step, language))}</td><td>${when(o.dueAt, language)}</td><td>${who(o.followedUpBy)}</td></tr>`,
  );
  const more =
    view.overdueTotal > view.overdue.length
      ? `<p>${link('/volunteers?overdue=true', tr(language, `Se alle ${view.overdueTotal} forfalte`, `See all ${view.overdueTotal} overdue`))}</p>`
      : '';
  return `${heading}
<table><caption>${tr(language, 'Forfalte steg, eldste frist først', 'Overdue steps, oldest due date first')}</caption>
<thead><tr><th scope="col">${tr(language, 'Frivillig', 'Volunteer')}</th><th scope="col">${tr(language, 'Enhet', 'Unit')}</th><th scope="col">${tr(language, 'Steg', 'Step')}</th><th scope="col">${tr(language, 'Frist', 'Due')}</th><th scope="col">${tr(language, 'Kontaktperson som følger opp', 'Contact following up')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>${more}`;
}

function agreements(view: OverviewView): string {
  const { language } = view;
  const heading = `<h2>${tr(language, 'Avtaler til gjennomgang', 'Agreements due for review')}</h2>`;
  if (!view.agreements.length) {
    return `${heading}<p>${tr(language, `Ingen gjennomganger de neste ${view.reviewHorizonDays} dagene.`, `No reviews in the next ${view.reviewHorizonDays} days.`)}</p>`;
  }
  const rows = view.agreements.map(
    (a) => `<tr><th scope="row">${link(`/agreements/${a.id}`, escapeHtml(a.organisationName))}</th><td><span class="badge ${STATUS_BADGE[a.status]}">${escapeHtml(STATUS_WORDS[a.status][language])}</span></td><td>${when(a.reviewDueOn, language, false)}${
      a.overdue ? ` <span class="badge overdue">${tr(language, 'Forfalt', 'Overdue')}</span>` : ''
    }</td></tr>`,
  );
  return `${heading}
<table><caption>${tr(language, `Gjennomgang innen ${view.reviewHorizonDays} dager eller forfalt`, `Review within ${view.reviewHorizonDays} days or overdue`)}</caption>
<thead><tr><th scope="col">${tr(language, 'Organisasjon', 'Organisation')}</th><th scope="col">${tr(language, 'Status', 'Status')}</th><th scope="col">${tr(language, 'Gjennomgang', 'Review due')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function evaluations(view: OverviewView): string {
  const { language } = view;
  const rows = view.evaluations.map((e) => {
    const state = e.status ? statusBadge(e.status, language) : tr(language, 'Ikke startet', 'Not started');
    const detail = e.caseNumber ? `${tr(language, 'Saksnummer', 'Case number')} ${escapeHtml(e.caseNumber)}${e.sentOn ? `, ${when(e.sentOn, language, false)}` : ''}` : e.kickedOffAt ? `${tr(language, 'Startet', 'Started')} ${when(e.kickedOffAt, language, false)}` : '–';
    const year = e.status ? link(`/evaluations/${e.year}`, String(e.year)) : String(e.year);
    return `<tr><th scope="row">${year}</th><td>${state}</td><td>${detail}</td></tr>`;
  });
  return `<h2>${tr(language, 'Årlig evaluering', 'Annual evaluation')}</h2>
<table><caption>${tr(language, 'I år og i fjor', 'This year and last year')}</caption>
<thead><tr><th scope="col">${tr(language, 'År', 'Year')}</th><th scope="col">${tr(language, 'Status', 'Status')}</th><th scope="col">${tr(language, 'Detaljer', 'Details')}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<p>${link('/evaluations', tr(language, 'Til årlig evaluering', 'To the annual evaluation'))}</p>`;
}

/** `/`: the figures, what is overdue and who must act, agreements due for review, and the annual evaluation. */
export function overviewBody(view: OverviewView): string {
  return `<h1>${tr(view.language, 'Oversikt', 'Overview')}</h1>
${cards(view)}
${overdue(view)}
${phases(view)}
${steps(view)}
${agreements(view)}
${evaluations(view)}`;
}
