import { html, type Html } from '../../../infra/html/html.ts';
import type { Language } from '../../../infra/i18n/languages.ts';
import { input } from '../../views/forms.ts';
import { csrfField } from '../../views/layout.ts';
import { t } from '../messages/index.ts';

export interface SignInForm {
  language: Language;
  csrfToken: string;
  next: string;
  email?: string;
  problem?: string;
  /** The label of the municipality's OpenID Connect sign-in, when one is configured. */
  oidcLabel?: string | undefined;
}

/** The sign-in form: email and password, and the municipality's own sign-in when configured. */
export function signInBody(form: SignInForm): Html {
  const { language } = form;
  const problem = form.problem ? html`<div class="error-summary" role="alert"><p>${form.problem}</p></div>` : null;
  const oidc = form.oidcLabel
    ? html`<p><a class="button" href="/auth/oidc/start?next=${encodeURIComponent(form.next)}">${form.oidcLabel}</a></p>
<p>${t(language, 'signIn.or')}</p>`
    : null;
  return html`<h1>${t(language, 'signIn.heading')}</h1>
${problem}${oidc}
<form method="post" action="/sign-in">
${csrfField(form.csrfToken)}
<input type="hidden" name="next" value="${form.next}">
${input({ name: 'email', label: t(language, 'signIn.email'), type: 'email', value: form.email, required: true, autocomplete: 'username' })}
${input({ name: 'password', label: t(language, 'signIn.password'), type: 'password', required: true, autocomplete: 'current-password' })}
<button type="submit">${t(language, 'signIn.submit')}</button>
</form>`;
}
