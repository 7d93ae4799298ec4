import { csrfOf } from './staff-session.ts';

/** Signs in through the real form over HTTP, as a browser would: the sign-in page's CSRF token, then the session cookie. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const form = await fetch(`${base}/sign-in`);
  const anonymous = cookiesOf(form).join('; ');
  const signedIn = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anonymous },
    body: new URLSearchParams({ email, password, _csrf: csrfOf(await form.text()), next: '/' }),
  });
  if (signedIn.status !== 303) throw new Error(`sign-in answered ${signedIn.status}: ${await signedIn.text()}`);
  const cookie = cookiesOf(signedIn).join('; ');
  const page = await fetch(`${base}/`, { headers: { cookie } });
  return { cookie, csrf: csrfOf(await page.text()) };
}
