import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLinkSigner } from '../infra/links/signed-links.ts';
import { DIALECTS } from './support/databases.ts';
import { compressedPolicy } from './support/policy.ts';
import { sentTo } from './support/smtp-sink.ts';
import { startStack, stepOf, testLinks, volunteerBody, type Stack } from './support/stack.ts';

const LINK = /http:\/\/samspill\.test(\/s\/[\w-]+\.[\w-]+)/;

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
});

describe.each(DIALECTS)('accepting the confidentiality declaration through the signed link on %s', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect, await compressedPolicy());
  });
  afterAll(() => stack.close());

  it('shows the versioned text, records the acceptance, and refuses the link afterwards', async () => {
    const body = volunteerBody();
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);
    const [welcome] = await stack.sink.waitFor(sentTo(body.email));
    const path = LINK.exec(welcome!.text ?? '')?.[1];
    expect(path).toBeDefined();
    expect(welcome!.html).toContain(`href="http://samspill.test${path}"`);

    const shown = await stack.api.get(path!).expect(200).expect('Content-Type', /html/);
    expect(shown.text).toContain('<html lang="nb">');
    expect(shown.text).toContain('Taushetserklæring for frivillige');
    expect(shown.text).toContain('Versjon 2026-1');
    expect(shown.text).toContain('Kari Nordmann');
    const english = await stack.api.get(`${path}?lang=en`).expect(200);
    expect(english.text).toContain('Confidentiality declaration for volunteers');

    const accepted = await stack.api.post(path!).type('form').send({ lang: 'nb' }).expect(200);
    expect(accepted.text).toContain('Du har godtatt taushetserklæringen');
    const { body: status } = await stack.api.get(`/api/volunteers/${created.id}`).expect(200);
    expect(stepOf(status, 'confidentialityDeclaration')).toMatchObject({ state: 'done', completedBy: 'volunteer' });
    const { body: audit } = await stack.api.get(`/api/volunteers/${created.id}/audit`).expect(200);
    expect(audit.items).toContainEqual(
      expect.objectContaining({ actor: 'volunteer', action: 'stepCompleted', step: 'confidentialityDeclaration', details: { method: 'link', templateVersion: '2026-1' } }),
    );

    const reused = await stack.api.get(path!).expect(409);
    expect(reused.text).toContain('lenken kan ikke brukes igjen');
    await stack.api.post(path!).type('form').send({}).expect(409);
  });

  it('says so when a link is expired or forged, without revealing whose it was', async () => {
    const body = volunteerBody({ language: 'en' });
    const { body: created } = await stack.api.post('/api/volunteers').send(body).expect(201);
    const expired = await stack.api.get(`/s/${testLinks.sign(created.id, 'acceptDeclaration', -60_000)}`).expect(410);
    expect(expired.text).toContain('The link has expired');
    expect(expired.text).toContain('frivillig.aktivitetshusene@tonsberg.kommune.no');
    const forged = await stack.api.get(`/s/${createLinkSigner(Buffer.from('x'.repeat(40))).sign(created.id, 'acceptDeclaration', 60_000)}`).expect(404);
    expect(forged.text).toContain('Ugyldig lenke');
    expect(forged.text).not.toContain(body.name);
  });
});
