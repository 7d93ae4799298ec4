import type { nb } from './nb.ts';

/** The calendar's words in nynorsk. */
export const nn: Record<keyof typeof nb, string> = {
  'title': 'Kalender',
  'month.title': 'Kalender {month}',
  'intro': 'Alle introduksjonskurs og møte du ser, månad for månad.',
  'previous': 'Førre månad',
  'next': 'Neste månad',
  'empty': 'Ingen kurs eller møte denne månaden.',
  'caption': 'Kurs og møte i {month}',
  'col.when': 'Tid',
  'col.what': 'Kva',
  'col.place': 'Stad',
  'kind.course': 'Introduksjonskurs',
  'kind.network': 'Nettverksmøte',
  'kind.dialogue': 'Dialogmøte',
  'cancelled': 'avlyst',
  'feed.heading': 'Abonner i Outlook',
  'feed.intro': 'Legg til denne adressa som internettkalender («Legg til kalender» → «Abonner frå nettet»). Ho viser kursa og møta du ser, og blir oppdatert av seg sjølv. Adressa er personleg: del ho ikkje.',
  'feed.label': 'Kalenderadresse',
  'feed.name': 'Samspill – kurs og møte',
};
