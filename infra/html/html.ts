import { html as honoHtml, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/**
 * Markup that is safe to send: built by `html`, which escapes every interpolated value unless it
 * is itself `Html`. A plain string is never `Html`, so text cannot be passed off as markup.
 */
export type Html = HtmlEscapedString;

/** What a view may interpolate: text (escaped), numbers, markup, nothing (`null`, `false`) or lists of these. */
export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

/** The tagged template every view builds its markup with (hono's, which escapes `& < > " '`). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  const rendered = honoHtml(strings, ...values);
  if (rendered instanceof Promise) throw new TypeError('A view interpolated a Promise; views render synchronously.');
  return rendered;
}

/**
 * Marks markup that did not come from `html` as safe: only for markup Samspill itself produced, such
 * as the stylesheet or a JSON document for a script tag, never for anything a person typed.
 */
export function trustedHtml(markup: string): Html {
  return raw(markup);
}

/** The finished document as the string a response or an email carries. */
export function serialise(markup: Html): string {
  return markup.toString();
}
