import type { Language } from '../../infra/i18n/languages.ts';

/** One language's rendering of the declaration. */
interface DeclarationText {
  title: string;
  paragraphs: readonly string[];
  accept: string;
}

/**
 * The confidentiality declaration (taushetserklæring, på nynorsk teiepliktserklæring) a volunteer
 * accepts. Versioned: the version accepted is recorded with every acceptance, and a new text gets a
 * new version. A version names what the volunteer undertakes, not the language it is shown in:
 * every language renders the same version, sentence for sentence, so the recorded version says what
 * was agreed whichever language the page was in. A faithful translation added later (nynorsk, 2026)
 * therefore keeps the version; a change of meaning in any language is a new version for all of them.
 * The text itself stays here, beside its version, and not in the page catalogue.
 */
export const CONFIDENTIALITY_DECLARATION = {
  version: '2026-1',
  nb: {
    title: 'Taushetserklæring for frivillige',
    paragraphs: [
      'Som frivillig i kommunens helse- og omsorgstjenester kan jeg få kjennskap til opplysninger om andre menneskers helse, personlige forhold og livssituasjon.',
      'Jeg forplikter meg til å bevare taushet om alt jeg får vite om brukere, pasienter og pårørende, og om andre personlige forhold jeg blir kjent med gjennom den frivillige innsatsen.',
      'Jeg skal ikke dele slike opplysninger muntlig, skriftlig, på nett eller i sosiale medier, og ikke ta bilder av brukere eller pasienter.',
      'Er jeg i tvil om hva jeg kan fortelle, spør jeg frivilligkontakten.',
      'Taushetsplikten gjelder også etter at jeg har sluttet som frivillig.',
    ],
    accept: 'Jeg har lest og godtar taushetserklæringen',
  },
  nn: {
    title: 'Teiepliktserklæring for frivillige',
    paragraphs: [
      'Som frivillig i helse- og omsorgstenestene i kommunen kan eg få kjennskap til opplysningar om helsa, personlege forhold og livssituasjonen til andre menneske.',
      'Eg forpliktar meg til å teie om alt eg får vite om brukarar, pasientar og pårørande, og om andre personlege forhold eg blir kjend med gjennom den frivillige innsatsen.',
      'Eg skal ikkje dele slike opplysningar munnleg, skriftleg, på nett eller i sosiale medium, og ikkje ta bilete av brukarar eller pasientar.',
      'Er eg i tvil om kva eg kan fortelje, spør eg frivilligkontakten.',
      'Teieplikta gjeld òg etter at eg har slutta som frivillig.',
    ],
    accept: 'Eg har lese og godtek teiepliktserklæringa',
  },
  en: {
    title: 'Confidentiality declaration for volunteers',
    paragraphs: [
      "As a volunteer in the municipality's health and care services I may learn about other people's health, personal matters and circumstances.",
      'I undertake to keep confidential everything I learn about users, patients and relatives, and any other personal matters I become aware of through my volunteer work.',
      'I will not share such information orally, in writing, online or on social media, and I will not take pictures of users or patients.',
      'If I am unsure what I may tell, I ask my volunteer contact.',
      'The duty of confidentiality continues after I stop volunteering.',
    ],
    accept: 'I have read and accept the confidentiality declaration',
  },
} as const satisfies { version: string } & Record<Language, DeclarationText>;
