import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const API = join(import.meta.dirname, '..', 'api');

/**
 * One feature, one folder: everything in api/ lives in a feature's folder or in one of the shared
 * ones, so a developer changing a feature opens one folder (the layers between the top-level
 * folders, and import cycles, are checked by `npm run lint` with dependency-cruiser).
 */
describe('the house by feature', () => {
  it('keeps no loose file in api/, only feature and shared folders', () => {
    const entries = readdirSync(API, { withFileTypes: true });
    expect(entries.filter((e) => !e.isDirectory()).map((e) => e.name)).toEqual([]);
    expect(entries.map((e) => e.name).sort()).toEqual(
      ['agreements', 'auth', 'bulk', 'courses', 'meetings', 'calendar', 'evaluation', 'hours', 'http', 'openapi', 'outbox', 'overview', 'privacy', 'recruitment', 'self-service', 'staff', 'today', 'views', 'volunteers'].sort(),
    );
  });
});
