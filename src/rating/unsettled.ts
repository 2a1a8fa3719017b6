// How reasons and warnings name an unsettled question: each position, then what it counts as.
import type { Framework } from '../model/framework-schema.js';
import type { Voice } from './positions.js';

/** The answer's label in lower case, as it reads inside a sentence ("partly met"). */
export const answerWord = (fw: Framework, w: string): string => (fw.answers.find((a) => a.id === w)?.label ?? w).toLowerCase();

/** "Essex Police: met, Northbridge NHS Trust: partly met"; `own` names the file's own answer. */
export function voicesText(fw: Framework, voices: Voice[], own: string): string {
  return voices.map((v) => `${v.organisation ?? own}: ${answerWord(fw, v.answer)}`).join(', ');
}
