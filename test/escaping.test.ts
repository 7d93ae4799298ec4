import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { linkPath } from '../infra/links/signed-links.ts';
import { compressedPolicy } from './support/policy.ts';
import { linkBrowser } from './support/self-service.ts';
import { sentTo } from './support/smtp-sink.ts';
import { newStaffSession } from './support/staff-session.ts';
import { startStack, testLinks, volunteerBody, type Agent, type Stack } from './support/stack.ts';

const DAY = 86_400_000;
const NAME = 'Kari <script>alert(1)</script> Nordmann';
const NOTE = 'Liker turer <img src=x onerror=alert(2)> og "sang" & \'dans\'';

/** What a page must show instead of the raw markup typed into the name and the note. */
const ESCAPED_NAME = 'Kari &lt;script&gt;alert(1)&lt;/script&gt; Nordmann';
const ESCAPED_NOTE = 'Liker turer &lt;img src=x onerror=alert(2)&gt; og &quot;sang&quot; &amp; &#39;dans&#39;';

function expectEscaped(markup: string, { note = false } = {}): void {
  expect(markup).not.toContain('<script>alert(1)');
  expect(markup).not.toContain('<img src=x');
  expect(markup).toContain(ESCAPED_NAME);
  if (note) expect(markup).toContain(ESCAPED_NOTE);
}

/**
 * Markup typed into a volunteer's name and suitability note, seen in every language on every staff
 * page, link page and email that shows them: always as text, never as markup.
 */
describe('what people type is escaped everywhere it is shown', () => {
  let stack: Stack;
  let coordinator: Agent;
  let volunteerId: string;

  beforeAll(async () => {
    stack = await startStack('sqlite', await compressedPolicy());
    coordinator = (await newStaffSession(stack, { role: 'coordinator', serviceUnitIds: [] })).agent;
    const body = volunteerBody({ name: NAME, suitabilityNote: NOTE, serviceUnitId: 'sidebygningen', activityTypeId: 'besoksvenn' });
    volunteerId = (await stack.api.post('/api/volunteers').send(body).expect(201)).body.id;
    await stack.api.post('/api/hours').send({ volunteerId, month: '2026-01', hours: 3 }).expect(201);
    // A booked course, so the course link has a page to show; and the welcome email sent, so the outbox lists it.
    await stack.api.post(`/api/volunteers/${volunteerId}/steps/introductionCourse/session`).send({ at: new Date(Date.now() + 5 * DAY).toISOString() }).expect(200);
    await stack.sink.waitFor(sentTo(body.email));
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
  });

  it.each(['nb', 'nn', 'en'])('on the staff pages in %s', async (lang) => {
    expectEscaped((await coordinator.get(`/volunteers?lang=${lang}`).expect(200)).text);
    expectEscaped((await coordinator.get(`/volunteers/${volunteerId}?lang=${lang}`).expect(200)).text, { note: true });
    expectEscaped((await coordinator.get(`/volunteers/${volunteerId}/privacy?lang=${lang}`).expect(200)).text);
    expectEscaped((await coordinator.get(`/hours?serviceUnitId=sidebygningen&year=2026&lang=${lang}`).expect(200)).text);
    // The outbox names recipients by address, not by name: it must still show no markup of theirs.
    const outbox = (await coordinator.get(`/outbox?lang=${lang}`).expect(200)).text;
    expect(outbox).not.toContain('<script>alert(1)');
    expect(outbox).not.toContain('<img src=x');
  });

  it.each(['nb', 'nn', 'en'])('on the volunteer\'s link pages in %s', async (lang) => {
    const browser = linkBrowser(stack);
    for (const purpose of ['acceptDeclaration', 'viewStatus', 'logHours', 'manageCourse'] as const) {
      const path = linkPath(purpose, testLinks.sign(volunteerId, purpose, DAY));
      const page = await browser.get(`${path}?lang=${lang}`).expect(200);
      expect(page.text).not.toContain('<script>alert(1)');
      expect(page.text).not.toContain('<img src=x');
    }
    const status = await browser.get(`${linkPath('viewStatus', testLinks.sign(volunteerId, 'viewStatus', DAY))}?lang=${lang}`).expect(200);
    expectEscaped(status.text);
  });

  it.each(['nb', 'nn', 'en'])('in the welcome email in %s', async (language) => {
    const body = volunteerBody({ name: NAME, serviceUnitId: 'sidebygningen', activityTypeId: 'besoksvenn', language });
    await stack.api.post('/api/volunteers').send(body).expect(201);
    const [welcome] = await stack.sink.waitFor(sentTo(body.email));
    expect(welcome!.html).toContain(`lang="${language}"`);
    expectEscaped(String(welcome!.html));
    expect(welcome!.text).toContain(NAME);
  });
});
