import { translator } from '../../../infra/i18n/messages.ts';
import { en } from './en.ts';
import { nb } from './nb.ts';
import { nn } from './nn.ts';

/** The home page's words in bokmål, nynorsk and English. */
export const t = translator({ nb, nn, en });
