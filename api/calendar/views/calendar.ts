import { html, type Html } from '../../../infra/html/html.ts';
import { formatMonth } from '../../../infra/i18n/format.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { when } from '../../volunteers/views/time.ts';
import type { CalendarEvent } from '../events.ts';
import { eventTitle } from '../feed.ts';
import { t } from '../messages/index.ts';

/** The month `YYYY-MM` moved by a number of months. */
export function shiftMonth(month: string, by: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const moved = new Date(Date.UTC(year, index - 1 + by, 1));
  return moved.toISOString().slice(0, 7);
}

export interface CalendarPage {
  month: string;
  events: CalendarEvent[];
  feedUrl: string;
}

/** The month's events in time order, links to the months around it, and the personal feed address. */
export function calendarBody(language: Language, page: CalendarPage): Html {
  const name = formatMonth(page.month, language);
  const rows = page.events.map(
    (e, index) =>
      html`${index ? '\n' : null}<tr><th scope="row"><a href="${e.path}">${when(e.startsAt, language)}</a></th><td>${eventTitle(e, language)}${e.cancelled ? html` (${t(language, 'cancelled')})` : null}</td><td>${e.place}</td></tr>`,
  );
  const table = page.events.length
    ? html`<table><caption>${t(language, 'caption', { month: name })}</caption>
<thead><tr><th scope="col">${t(language, 'col.when')}</th><th scope="col">${t(language, 'col.what')}</th><th scope="col">${t(language, 'col.place')}</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : html`<p>${t(language, 'empty')}</p>`;
  return html`<h1>${t(language, 'month.title', { month: name })}</h1>
<p>${t(language, 'intro')}</p>
<nav aria-label="${t(language, 'title')}"><a href="/calendar?month=${shiftMonth(page.month, -1)}">${t(language, 'previous')}</a> · <a href="/calendar?month=${shiftMonth(page.month, 1)}">${t(language, 'next')}</a></nav>
${table}
<section aria-labelledby="feed-heading"><h2 id="feed-heading">${t(language, 'feed.heading')}</h2>
<p>${t(language, 'feed.intro')}</p>
<div class="field"><label for="feed-url">${t(language, 'feed.label')}</label>
<input id="feed-url" type="text" readonly value="${page.feedUrl}"></div>
</section>`;
}
