/**
 * The confidentiality declaration (taushetserklæring) a volunteer accepts. Versioned: the version
 * accepted is recorded with every acceptance, and a new text gets a new version.
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
} as const;
