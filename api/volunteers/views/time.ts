import { LOCALES, type Language } from '../../../infra/i18n/languages.ts';

/** Dates and times as staff in Norway read and type them: always Europe/Oslo, whatever the server's zone. */

const ZONE = 'Europe/Oslo';

/** A date (YYYY-MM-DD) or a moment as text, with its time unless `withTime` is false; a dash for none. */
export function when(date: Date | string | null | undefined, language: Language, withTime = true): string {
  if (!date) return '–';
  const value = typeof date === 'string' ? new Date(date.length === 10 ? `${date}T12:00:00Z` : date) : date;
  const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
  return value.toLocaleString(LOCALES[language], { ...options, timeZone: ZONE });
}

const localFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** A moment as the value of a `datetime-local` field (YYYY-MM-DDTHH:MM, Norwegian time). */
export function toOsloLocal(iso: string | null | undefined): string | undefined {
  return iso ? localFormat.format(new Date(iso)).replace(' ', 'T') : undefined;
}

/** Today's date in Norway, YYYY-MM-DD. */
export function osloToday(now = new Date()): string {
  return localFormat.format(now).slice(0, 10);
}

/** The day (YYYY-MM-DD) `days` after another; counted at noon, so no clock change moves it. */
export function daysAfter(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' });

/** Norway's offset from UTC at a moment, in minutes (60 in winter, 120 in summer). */
function osloOffsetMinutes(ms: number): number {
  const name = offsetFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/**
 * A `datetime-local` value (Norwegian wall-clock time) as an ISO date-time with its offset, e.g.
 * 2026-03-02T18:00 → 2026-03-02T18:00:00+01:00. Anything else is returned as it is, for the schema to refuse.
 */
export function fromOsloLocal(local: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(local);
  if (!match) return local;
  const wallClock = `${match[1]}${match[2] ?? ':00'}`;
  const asUtc = Date.parse(`${wallClock}Z`);
  if (Number.isNaN(asUtc)) return local;
  // The offset at the wall-clock time itself; asking at the UTC reading would be off by an hour near a DST change.
  const offset = osloOffsetMinutes(asUtc - osloOffsetMinutes(asUtc) * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${wallClock}${sign}${hours}:${minutes}`;
}
