import { html, type Html } from '../../infra/html/html.ts';
import type { Language } from '../../infra/i18n/languages.ts';
import { t } from './messages/index.ts';

/** Rows on one page of a dashboard list. */
export const PAGE_SIZE = 50;

/** The page a `?page=` asks for, 1 when it says nothing sensible. */
export function pageNumber(value: unknown): number {
  return typeof value === 'string' && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : 1;
}

/**
 * Links to the previous and next page of a list, keeping its filters. `query` holds the filters
 * as the page's own links should carry them.
 */
export function pagination(language: Language, path: string, query: Record<string, string | undefined>, page: number, total: number): Html {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1) return html``;
  const link = (to: number, label: string, rel: string) => {
    const params = new URLSearchParams(Object.entries({ ...query, page: String(to) }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return html`<a href="${`${path}?${params.toString()}`}" rel="${rel}">${label}</a>`;
  };
  return html`<nav class="pagination" aria-label="${t(language, 'pagination.label')}">
${page > 1 ? link(page - 1, t(language, 'pagination.previous'), 'prev') : null}
<span>${t(language, 'pagination.status', { page, pages })}</span>
${page < pages ? link(page + 1, t(language, 'pagination.next'), 'next') : null}
</nav>`;
}
