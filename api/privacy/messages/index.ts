import { translator } from '../../../infra/i18n/messages.ts';
import { en } from './en.ts';
import { nb } from './nb.ts';
import { nn } from './nn.ts';

/** The privacy tools' words in bokmål, nynorsk and English. */
export const t = translator({ nb, nn, en });

/** A key of the privacy catalogue, for the literal key maps beside the categories. */
export type PrivacyKey = keyof typeof nb;
