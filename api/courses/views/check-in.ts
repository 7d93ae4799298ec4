import { html, trustedHtml, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { toString as qrSvg } from 'qrcode';
import { when } from '../../volunteers/views/time.ts';
import { csrfField } from '../../views/layout.ts';
import { input } from '../../views/forms.ts';
import { errorTitle, languageSwitch, page } from '../../views/link-page.ts';
import { t } from '../messages/index.ts';

/** A check-in address as a QR code: an SVG the library draws from the address alone, so it is ours to trust. */
export async function checkInQr(url: string, language: Language): Promise<Html> {
  const svg = await qrSvg(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return html`<figure class="qr" role="img" aria-label="${t(language, 'checkIn.qr')}">${trustedHtml(svg)}</figure>`;
}

/** The session page's check-in section: the code, the address under it, and the screen view. */
export function checkInSection(language: Language, sessionId: string, code: { qr: Html; url: string }): Html {
  return html`<section aria-labelledby="check-in-heading"><h2 id="check-in-heading">${t(language, 'checkIn.heading')}</h2>
<p>${t(language, 'checkIn.intro')}</p>
${code.qr}
<p class="pre-line">${t(language, 'checkIn.link', { url: code.url })}</p>
<p><a href="/courses/${sessionId}/check-in">${t(language, 'checkIn.display')}</a></p>
</section>`;
}

/** For a screen at the door: the code alone, large; the page reloads itself for a fresh code (no script needed). */
export function checkInDisplayBody(language: Language, startsAt: string, qr: Html): Html {
  return html`<h1>${t(language, 'checkIn.display.title', { when: when(startsAt, language) })}</h1>
<p>${t(language, 'checkIn.display.intro')}</p>
<div class="qr-large">${qr}</div>`;
}

/** The participant's phone: which course, and their email address to find them on the roster. */
export function checkInPage(language: Language, session: { startsAt: Date; place: string }, csrf: string, refused?: { problem: string; email: string }): string {
  const title = t(language, 'checkIn.page.title');
  return page(
    language,
    refused ? errorTitle(language, title) : title,
    html`${languageSwitch(language)}
<h1>${title}</h1>
<p>${t(language, 'checkIn.page.intro', { when: when(session.startsAt, language), place: session.place })}</p>
<form method="post">
${csrfField(csrf)}
<input type="hidden" name="lang" value="${language}">
${input({ name: 'email', label: t(language, 'checkIn.page.email'), type: 'email', autocomplete: 'email', required: true, value: refused?.email, error: refused?.problem })}
<p><button type="submit">${t(language, 'checkIn.page.submit')}</button></p>
</form>`,
  );
}

export function checkInMessagePage(language: Language, text: string): string {
  const title = t(language, 'checkIn.page.title');
  return page(language, title, html`<h1>${title}</h1>\n<p class="notice" role="status">${text}</p>`);
}
