import { html, type Html } from '../../infra/html/html.ts';

/**
 * A wide table in a region of its own that scrolls sideways on a narrow screen instead of the
 * page; named by the table's caption and focusable, so a keyboard can scroll it too.
 */
export function scrollingTable(captionId: string, table: Html): Html {
  return html`<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0">${table}</div>`;
}
