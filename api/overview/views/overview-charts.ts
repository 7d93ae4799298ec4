import { html, type Html } from '../../../infra/html/html.ts';
import { formatMonth, formatNumber } from '../../../infra/i18n/format.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { stepTitle } from '../../../infra/i18n/vocabulary/index.ts';
import { barChart } from '../../views/charts.ts';
import { select } from '../../views/forms.ts';
import type { FunnelStep, MonthFigures, StepDays } from '../chart-queries.ts';
import { t } from '../messages/index.ts';

export interface ChartsView {
  language: Language;
  /** The funnel's steps, for every unit the person sees or (unitId) for one of them. */
  funnel: { unitId: string | null; units: { id: string; name: string }[]; steps: FunnelStep[] };
  stepDays: { year: number; steps: StepDays[] };
  months: MonthFigures[];
}

const count = (language: Language) => (value: number) => formatNumber(value, language);
/** Days to one decimal, so a step done within hours does not read as zero days. */
const days = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** A plain GET form: choosing a unit reloads the page at the funnel, without script. */
function unitChooser(view: ChartsView): Html {
  const { language, funnel } = view;
  return html`<form method="get" action="/overview#funnel-heading" class="filters">
${select({ name: 'unit', label: t(language, 'column.unit'), options: funnel.units.map((u) => ({ value: u.id, label: u.name })), value: funnel.unitId ?? undefined, empty: t(language, 'funnel.allUnits') })}
<div class="field"><button type="submit">${t(language, 'funnel.show')}</button></div>
</form>`;
}

function funnel(view: ChartsView): Html {
  const { language } = view;
  const unit = view.funnel.units.find((u) => u.id === view.funnel.unitId);
  const chart = barChart({
    id: 'funnel',
    title: unit ? t(language, 'funnel.titleUnit', { unit: unit.name }) : t(language, 'funnel.title'),
    description: t(language, 'funnel.description'),
    rowHeader: t(language, 'column.step'),
    series: [t(language, 'funnel.completed'), t(language, 'funnel.waiting')],
    rows: view.funnel.steps.map((s) => ({ label: stepTitle(s.step, language), values: [s.completed, s.waiting] })),
    format: count(language),
  });
  return html`<h2 id="funnel-heading">${t(language, 'funnel.heading')}</h2>
${unitChooser(view)}
${chart}`;
}

function stepDays(view: ChartsView): Html {
  const { language } = view;
  const [year, lastYear] = [String(view.stepDays.year), String(view.stepDays.year - 1)];
  const chart = barChart({
    id: 'step-days',
    title: t(language, 'days.title', { year, lastYear }),
    description: t(language, 'days.description', { year, lastYear }),
    rowHeader: t(language, 'column.step'),
    series: [t(language, 'days.median', { year }), t(language, 'days.p90', { year }), t(language, 'days.median', { year: lastYear }), t(language, 'days.p90', { year: lastYear })],
    rows: view.stepDays.steps.map((s) => ({
      label: stepTitle(s.step, language),
      values: [days(s.thisYear.median), days(s.thisYear.p90), days(s.lastYear.median), days(s.lastYear.p90)],
    })),
    format: (value) => formatNumber(value, language, { maximumFractionDigits: 1 }),
  });
  return html`<h2>${t(language, 'days.heading')}</h2>
${chart}`;
}

function months(view: ChartsView): Html {
  const { language } = view;
  const chart = barChart({
    id: 'months',
    title: t(language, 'months.title'),
    description: t(language, 'months.description'),
    rowHeader: t(language, 'column.month'),
    series: [t(language, 'months.new'), t(language, 'months.active'), t(language, 'months.ended')],
    rows: view.months.map((m) => ({ label: formatMonth(m.month, language), values: [m.new, m.active, m.ended] })),
    format: count(language),
  });
  return html`<h2>${t(language, 'months.heading')}</h2>
${chart}`;
}

/** The charts, each with its table: where onboarding stops, how long each step takes this year against last, and the year's months. */
export function overviewCharts(view: ChartsView): Html {
  return html`${funnel(view)}
${stepDays(view)}
${months(view)}`;
}
