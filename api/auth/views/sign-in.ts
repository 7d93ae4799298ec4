import { escapeHtml, type Language } from '../../../activities/emails/layout.ts';
import { input } from '../../views/forms.ts';
import { csrfField, tr } from '../../views/layout.ts';

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
export function signInBody(form: SignInForm): string {
  const { language } = form;
  const problem = form.problem ? `<div class="error-summary" role="alert"><p>${escapeHtml(form.problem)}</p></div>` : '';
  const oidc = form.oidcLabel
    ? `<p><a class="button" href="/auth/oidc/start?next=${encodeURIComponent(form.next)}">${escapeHtml(form.oidcLabel)}</a></p>
<p>${tr(language, 'Eller logg inn med e-post og passord:', 'Or sign in with email and password:')}</p>`
    : '';
  return `<h1>${tr(language, 'Logg inn i Samspill', 'Sign in to Samspill')}</h1>
${problem}${oidc}
<form method="post" action="/sign-in">
${csrfField(form.csrfToken)}
<input type="hidden" name="next" value="${escapeHtml(form.next)}">
${input({ name: 'email', label: tr(language, 'E-post', 'Email'), type: 'email', value: form.email, required: true, autocomplete: 'username' })}
${input({ name: 'password', label: tr(language, 'Passord', 'Password'), type: 'password', required: true, autocomplete: 'current-password' })}
<button type="submit">${tr(language, 'Logg inn', 'Sign in')}</button>
</form>`;
}
