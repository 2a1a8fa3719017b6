// A problem's words as a catalogue entry: the English a file's checks record is the English
// catalogue's, and the terminal says the same entry in the language asked (formatProblemIn).
import type { Problem } from '../errors.js';
import { messages, type MessageKey, type Params } from '../i18n/catalogue.js';
import { closest } from './did-you-mean.js';

export type Said = NonNullable<Problem['says']>;

export const said = (key: MessageKey, params: Params = {}): Said => ({ key, params });

/** The English of a catalogue entry: what `message` holds. */
export const english = (s: Said): string => messages('en').t(s.key, s.params);

/** The parameters of a `problem.*` entry's " (did you mean …?)": empty when nothing is near. */
export function near(word: string, known: readonly string[], max = Infinity): { hint: string; near: string } {
  const hit = word.length <= max ? closest(word, known) : undefined;
  return hit === undefined ? { hint: 'no', near: '' } : { hint: 'yes', near: hit };
}
