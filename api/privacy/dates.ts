import { fromOsloLocal } from '../volunteers/views/time.ts';

/** Calendar days as the municipality counts them (Europe/Oslo), for deadlines and date filters. */

/** The instant an Oslo calendar day begins (00:00 local time, summer time included). */
export function osloDayStart(day: string): Date {
  return new Date(fromOsloLocal(`${day}T00:00`));
}

/** The day after, `YYYY-MM-DD`. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * One calendar month later, as GDPR art. 12(3) counts "within one month": the same day number of
 * the next month, or that month's last day when it is shorter (31 January → 28 or 29 February).
 */
export function oneMonthAfter(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const lastOfNext = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date, lastOfNext))).toISOString().slice(0, 10);
}
