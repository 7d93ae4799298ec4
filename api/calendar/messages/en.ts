import type { nb } from './nb.ts';

/** The calendar's words in English. */
export const en: Record<keyof typeof nb, string> = {
  'title': 'Calendar',
  'month.title': 'Calendar {month}',
  'intro': 'Every introduction course and meeting you see, month by month.',
  'previous': 'Previous month',
  'next': 'Next month',
  'empty': 'No courses or meetings this month.',
  'caption': 'Courses and meetings in {month}',
  'col.when': 'Time',
  'col.what': 'What',
  'col.place': 'Place',
  'kind.course': 'Introduction course',
  'kind.network': 'Network meeting',
  'kind.dialogue': 'Dialogue meeting',
  'cancelled': 'cancelled',
  'feed.heading': 'Subscribe in Outlook',
  'feed.intro': 'Add this address as an internet calendar ("Add calendar" → "Subscribe from web"). It shows the courses and meetings you see and updates itself. The address is personal: do not share it.',
  'feed.label': 'Calendar address',
  'feed.name': 'Samspill – courses and meetings',
};
