import { describe, expect, it } from '@jest/globals';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseDuration } from '../infra/policy/duration.ts';
import { lifecyclePolicy, loadPolicy, parsePolicy, PolicyError } from '../infra/policy/policy.ts';
import { DEFAULT_POLICY_FILE } from './support/policy.ts';

const DAY = 86_400_000;

async function shippedDocument(): Promise<Record<string, any>> {
  return parse(await readFile(DEFAULT_POLICY_FILE, 'utf8')) as Record<string, any>;
}

describe('policy durations', () => {
  it.each([
    ['14d', 14 * DAY],
    ['6w', 42 * DAY],
    ['36h', 1.5 * DAY],
    ['1.5s', 1_500],
    ['250ms', 250],
  ])('reads %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '14', 'd14', '3 months', '-1d'])('refuses %j', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('the municipality policy', () => {
  it('ships the Tønsberg defaults from the domain spec', async () => {
    const policy = await loadPolicy(DEFAULT_POLICY_FILE);
    expect(policy.serviceUnits.map((u) => u.name)).toEqual([
      'Aktivitetshusene',
      'Hjemmetjenestene',
      'Helsehus og sykehjem',
      'Sterk og stødig',
      'Sidebygningen',
    ]);
    const ladders = lifecyclePolicy(policy).ladders;
    expect(ladders.confidentialityDeclaration).toEqual({
      anchor: 'opened',
      rungs: [
        { afterMs: 3 * DAY, kind: 'reminder', notify: 'volunteer' },
        { afterMs: 7 * DAY, kind: 'reminder', notify: 'volunteer' },
        { afterMs: 10 * DAY, kind: 'escalation', notify: 'contact' },
        { afterMs: 21 * DAY, kind: 'escalation', notify: 'coordinator' },
      ],
    });
    expect(ladders.introductionCourseSession.rungs.map((r) => r.afterMs / DAY)).toEqual([-7, -1]);
    expect(ladders.followUp).toMatchObject({ anchor: 'due', rungs: [{ afterMs: -14 * DAY }, { afterMs: 0 }, { afterMs: 14 * DAY, kind: 'escalation' }] });
    expect(policy.ladders.policeCertificate.map((r) => r.afterMs / DAY)).toEqual([14, 28, 42]);
    expect(policy.activityTypes.find((a) => a.id === 'vaketjeneste')?.minimumAge).toBe(25);
    expect(policy.followUp.firstAfter).toBe(42 * DAY);
  });

  it('refuses a police certificate requirement without a legal basis, naming the field', async () => {
    const document = await shippedDocument();
    document.activityTypes[0].requiresPoliceCertificate = true;
    expect(() => parsePolicy(document, 'policy.yaml')).toThrow(
      /activityTypes\.0\.legalBasis: a police certificate may only be required with a legal basis/,
    );
  });

  it('lists every problem of a bad policy at once, by path', async () => {
    const document = await shippedDocument();
    document.ladders.confidentialityDeclaration[1].after = 'a week';
    document.ladders.confidentialityDeclaration[2] = { after: '10d', remind: 'volunteer', escalate: 'contact' };
    document.serviceUnits[1].id = document.serviceUnits[0].id;
    delete document.municipality.coordinatorEmail;
    let error: unknown;
    try {
      parsePolicy(document, 'policy.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyError);
    const message = (error as Error).message;
    expect(message).toContain('ladders.confidentialityDeclaration.1.after: "a week" is not a duration');
    expect(message).toContain('ladders.confidentialityDeclaration.2: give exactly one of remind or escalate');
    expect(message).toContain('serviceUnits.1.id: duplicate id "aktivitetshusene"');
    expect(message).toContain('municipality.coordinatorEmail');
  });

  it('refuses rungs out of time order', async () => {
    const document = await shippedDocument();
    document.ladders.policeCertificate = [{ after: '28d', remind: 'volunteer' }, { after: '14d', remind: 'volunteer' }];
    expect(() => parsePolicy(document)).toThrow(/ladders\.policeCertificate: rungs must come in time order/);
  });

  it('says which file is missing or not YAML', async () => {
    await expect(loadPolicy('/nowhere/policy.yaml')).rejects.toThrow('Cannot read the policy file /nowhere/policy.yaml: ENOENT');
    const file = join(await mkdtemp(join(tmpdir(), 'policy-')), 'bad.yaml');
    await writeFile(file, 'municipality: [unclosed');
    await expect(loadPolicy(file)).rejects.toThrow(/is not valid YAML/);
    await writeFile(file, stringify({ ...(await shippedDocument()), surprise: true }));
    await expect(loadPolicy(file)).rejects.toThrow(/\(root\): Unrecognized key: "surprise"/);
  });
});
