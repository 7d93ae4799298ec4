import type { MeetingCount } from './definitions.ts';

/**
 * How many meetings of a kind should be held or planned by the start of a month (1–12) to keep
 * pace with the yearly number: with 4 a year, one by April, two by July, three by October, all
 * four by December.
 */
export function expectedBy(perYear: number, month: number): number {
  return Math.ceil((perYear * (month - 1)) / 12);
}

/** Whether the year is falling short: fewer held and planned than the pace asks for by now. */
export function fallingShort(count: MeetingCount, month: number): boolean {
  return count.held + count.planned < expectedBy(count.perYear, month);
}
