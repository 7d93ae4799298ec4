import { escapeHtml, type Language } from '../../activities/emails/layout.ts';
import { tr } from './layout.ts';

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
export function pagination(language: Language, path: string, query: Record<string, string | undefined>, page: number, total: number): string {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1) return '';
  const link = (to: number, label: string, rel: string) => {
    const params = new URLSearchParams(Object.entries({ ...query, page: String(to) }).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return `<a href="${escapeHtml(`${path}?${params.toString()}`)}" rel="${rel}">${label}</a>`;
  };
  const label = tr(language, `Side ${page} av ${pages}`, `Page ${page} of ${pages}`);
  return `<nav class="pagination" aria-label="${tr(language, 'Sider', 'Pages')}">
${page > 1 ? link(page - 1, tr(language, 'Forrige side', 'Previous page'), 'prev') : ''}
<span>${label}</span>
${page < pages ? link(page + 1, tr(language, 'Neste side', 'Next page'), 'next') : ''}
</nav>`;
}
