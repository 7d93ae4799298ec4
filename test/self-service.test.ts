import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createLinkSigner } from '../infra/links/signed-links.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { linkBrowser, linkIn } from './support/self-service.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, stepOf, testLinks, volunteerBody, type Stack } from './support/stack.ts';
import { waitUntil } from './support/wait.ts';

describe('signed links', () => {
  const id = '5f0c7a1e-8d3b-4a57-9f1e-2b6c0d4e8a91';

  it('verify only unaltered, unexpired tokens signed with the same secret', () => {
    const token = testLinks.sign(id, 'acceptDeclaration', 60_000);
    expect(testLinks.verify(token, 'acceptDeclaration')).toEqual({ ok: true, claims: expect.objectContaining({ subjectId: id }) });
    const [payload, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ v: 'someone-else', p: 'acceptDeclaration', e: 9e9 })).toString('base64url')}.${signature}`;
    expect(testLinks.verify(forged, 'acceptDeclaration')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(testLinks.verify(`${payload}.${signature!.slice(0, -2)}xx`, 'acceptDeclaration')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(createLinkSigner(Buffer.from('another secret of at least thirty-two chars')).verify(token, 'acceptDeclaration').ok).toBe(false);
    expect(testLinks.verify(testLinks.sign(id, 'acceptDeclaration', -1_000), 'acceptDeclaration')).toMatchObject({ ok: false, reason: 'expired' });
    expect(testLinks.verify('not-a-token', 'acceptDeclaration')).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('are not guessable: two links for the same volunteer differ', () => {
    expect(testLinks.sign(id, 'acceptDeclaration', 60_000)).not.toBe(testLinks.sign(id, 'acceptDeclaration', 60_000));
  });

  it('tell whom and what an expired link was for, but only when its signature holds', () => {
    const expired = testLinks.sign(id, 'logHours', -86_400_000);
    expect(testLinks.claimsIgnoringExpiry(expired)).toMatchObject({ subjectId: id, purpose: 'logHours' });
    expect(testLinks.claimsIgnoringExpiry(createLinkSigner(Buffer.from('x'.repeat(40))).sign(id, 'logHours', -1_000))).toBeUndefined();
    expect(testLinks.claimsIgnoringExpiry('not-a-token')).toBeUndefined();
  });
});

describe.each(DIALECTS)('accepting the confidentiality declaration through the signed link on %s', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy());
  });
  afterAll(() => stack.close());
  afterEach(() => expect(stack.logged).toEqual([]));

  it('shows the versioned text, records the acceptance, and refuses the link afterwards', async () => {
    const body = volunteerBody();
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);
    const [welcome] = await stack.sink.waitFor(sentTo(body.email));
    const path = linkIn(welcome!.text, 'declaration');
    expect(path).toBeDefined();
    expect(welcome!.html).toContain(`href="http://samspill.test${path}"`);
    const browser = linkBrowser(stack);

    const shown = await browser.get(path!).expect(200).expect('Content-Type', /html/);
    expect(shown.text).toContain('<html lang="nb">');
    expect(shown.text).toContain('Taushetserklæring for frivillige');
    expect(shown.text).toContain('Versjon 2026-1');
    expect(shown.text).toContain('Kari Nordmann');
    expect(shown.text).toMatch(/<form method="post">\n<input type="hidden" name="_csrf" value="[\w-]+">/);
    const english = await browser.get(`${path}?lang=en`).expect(200);
    expect(english.text).toContain('Confidentiality declaration for volunteers');

    const accepted = await browser.submit(path!, { lang: 'nb' }, 200);
    expect(accepted.text).toContain('Du har godtatt taushetserklæringen');
    const { body: status } = await stack.api.get(`/api/volunteers/${created.id}`).expect(200);
    expect(stepOf(status, 'confidentialityDeclaration')).toMatchObject({ state: 'done', completedBy: 'volunteer' });
    const { body: audit } = await stack.api.get(`/api/volunteers/${created.id}/audit`).expect(200);
    expect(audit.items).toContainEqual(
      expect.objectContaining({ actor: 'volunteer', action: 'stepCompleted', step: 'confidentialityDeclaration', details: { method: 'link', templateVersion: '2026-1' } }),
    );

    // A used link says so, and offers a fresh one: the status page, since the declaration is done.
    const reused = await browser.get(path!).expect(409);
    expect(reused.text).toContain('lenken kan ikke brukes igjen');
    expect(reused.text).toContain('<form method="post" action="/s/new-link">');
    await browser.submit(path!, {}, 409);
    await browser.submit(path!, { token: path!.slice('/s/'.length), lang: 'nb' }, 200, '/s/new-link');
    const [fresh] = await stack.sink.waitFor((m) => sentTo(body.email)(m) && m.subject === 'Ny lenke fra Samspill');
    expect(fresh!.text).toContain('se statusen din og hva som gjenstår');
    expect((await browser.get(linkIn(fresh!.text, 'status')!).expect(200)).text).toContain('Din status som frivillig');
  });

  it('says so when a link is expired or forged, without revealing whose it was', async () => {
    const body = volunteerBody({ language: 'en' });
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);
    const browser = linkBrowser(stack);
    const expired = await browser.get(`/s/${testLinks.sign(created.id, 'acceptDeclaration', -60_000)}`).expect(410);
    expect(expired.text).toContain('The link has expired');
    expect(expired.text).toContain('frivillig.aktivitetshusene@tonsberg.kommune.no');
    expect(expired.text).toContain('<button type="submit">Send me a new link</button>');
    const forged = await browser.get(`/s/${createLinkSigner(Buffer.from('x'.repeat(40))).sign(created.id, 'acceptDeclaration', 60_000)}`).expect(404);
    expect(forged.text).toContain('Ugyldig lenke');
    expect(forged.text).not.toContain(body.name);
    expect(forged.text).not.toContain('/s/new-link');
  });

  it('refuses a form posted without its CSRF token, or with another, with a page that says what to do', async () => {
    const body = volunteerBody();
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);
    const path = `/s/${testLinks.sign(created.id, 'acceptDeclaration', 60_000)}`;
    const browser = linkBrowser(stack);

    const missing = await browser.postWithoutToken(path, { lang: 'nb' }).expect(403).expect('Content-Type', /html/);
    expect(missing.text).toContain('Skjemaet kunne ikke sendes');
    expect(missing.text).toContain(`<a href="${path}?lang=nb">Åpne siden på nytt</a>`);
    await browser.get(path).expect(200);
    const wrong = await browser.postWithoutToken(path, { lang: 'en', _csrf: 'not-the-token' }).expect(403);
    expect(wrong.text).toContain('The form could not be sent');

    for (const other of [
      `/s/hours/${testLinks.sign(created.id, 'logHours', 60_000)}`,
      `/s/course/${testLinks.sign(created.id, 'manageCourse', 60_000)}`,
      `/s/review/${testLinks.sign(created.id, 'answerReview', 60_000)}`,
      `/s/evaluation/${testLinks.sign('1', 'evaluationResponse', 60_000)}`,
      '/s/new-link',
    ]) {
      expect((await linkBrowser(stack).postWithoutToken(other, { month: '2025-01', hours: '1', intent: 'confirm' })).status).toBe(403);
    }
    await waitUntil(async () => (await stack.api.get(`/api/volunteers/${created.id}`)).body.steps?.length > 0);
    const { body: status } = await stack.api.get(`/api/volunteers/${created.id}`).expect(200);
    expect(stepOf(status, 'confidentialityDeclaration')).toMatchObject({ state: 'waiting' });
    expect((await stack.api.get(`/api/hours?volunteerId=${created.id}`).expect(200)).body.total).toBe(0);
  });
});
