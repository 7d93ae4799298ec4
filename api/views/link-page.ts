import { html, serialise, trustedHtml, type Html } from '../../infra/html/html.ts';
import { LANGUAGES, type Language } from '../../infra/i18n/languages.ts';
import { t } from './messages/index.ts';

const LINK_PAGE_CSS = trustedHtml(`
  body { font-family: system-ui, sans-serif; line-height: 1.6; color: #1a1a1a; background: #fafafa; margin: 0; }
  main { max-width: 40rem; margin: 0 auto; padding: 2rem 1rem; background: #fff; overflow-wrap: anywhere; }
  h1 { font-size: 1.6rem; line-height: 1.3; }
  button { font: inherit; padding: 0.75rem 1.25rem; border: 0; border-radius: 0.25rem; background: #0b5394; color: #fff; cursor: pointer; }
  button:focus-visible, a:focus-visible { outline: 3px solid #f1a208; outline-offset: 2px; }
  a { color: #0b5394; }
  .notice { padding: 1rem; border-left: 4px solid #0b5394; background: #eef4fa; }
  .secondary { background: #fff; color: #0b5394; border: 2px solid #0b5394; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.5rem 0.5rem 0.5rem 0; border-bottom: 1px solid #ccc; vertical-align: top; }
  input, textarea { font: inherit; }
  .languages a + a { margin-left: 1rem; }
  .pre-line { white-space: pre-line; overflow-wrap: anywhere; }
  .field, fieldset { margin: 0 0 1.25rem; }
  fieldset { border: 0; padding: 0; }
  .field label, legend { display: block; font-weight: 600; }
  .field input, .field textarea { box-sizing: border-box; width: 100%; padding: 0.5rem; border: 1px solid #555; border-radius: 0.25rem; }
  .hint { margin: 0.1rem 0; color: #4a4a4a; }
  .error { margin: 0.1rem 0; color: #a00000; font-weight: 600; }
  .error-summary { border-left: 5px solid #a00000; background: #fbeaea; padding: 0.75rem 1rem; margin-bottom: 1rem; }
  .hp { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
`);

/** The finished document of every self-service page: readable, responsive, and usable without JavaScript. */
export function page(language: Language, title: string, body: Html): string {
  return serialise(html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – Samspill</title>
<style>${LINK_PAGE_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`);
}

/** A page shown again with a problem on it says so first in its title, as screen readers announce it (WCAG 3.3.1). */
export function errorTitle(language: Language, title: string): string {
  return t(language, 'linkPage.errorTitle', { title });
}

const READ_IN = { nb: 'linkPage.readIn.nb', nn: 'linkPage.readIn.nn', en: 'linkPage.readIn.en' } as const;

/** Links that show the same page in each of the other languages, each offered in its own language. */
export function languageSwitch(language: Language): Html {
  const links = LANGUAGES.filter((other) => other !== language).map((other) => html`<a href="?lang=${other}" lang="${other}">${t(other, READ_IN[other])}</a>`);
  return html`<p class="languages">${links}</p>`;
}
