// The words of a comparison: the catalogue's language, and each side's framework in it
// (model/localize.ts). The diff core compares the frameworks themselves; only its sentences
// take their words from here, so a translation can never change what counts as a change.
import { messages, type Messages } from '../i18n/catalogue.js';
import type { Framework } from '../model/framework-schema.js';
import { ratingWord } from '../rating/explain.js';
import { UNANSWERED } from '../rating/questions.js';

export interface Wording {
  l: Messages;
  old: Framework;
  new: Framework;
  /** For the public version of a report: no review dates. */
  public?: boolean;
}

/** English, in the frameworks' own words. */
export const plainWording = (oldFw: Framework, newFw: Framework): Wording => ({ l: messages(), old: oldFw, new: newFw });

export function benchmarkTitle(fw: Framework, id: string, fallback: string): string {
  return fw.benchmarks.find((b) => b.id === id)?.title ?? fallback;
}

export function questionTitle(fw: Framework, id: string, fallback: string): string {
  for (const b of fw.benchmarks) {
    const q = b.questions.find((x) => x.id === id);
    if (q) return q.title;
  }
  return fallback;
}

/** "'Venue-hire policy' (essential)". */
export function quoteQuestion(fw: Framework, q: { id: string; title: string; essential: boolean }, l: Messages, withEssential = true): string {
  const title = l.t('reason.quote', { title: questionTitle(fw, q.id, q.title) });
  return q.essential && withEssential ? `${title} ${l.t('question.essential')}` : title;
}

export const label = (fw: Framework, id: string, l: Messages) => ratingWord(fw, id, l);

/** A kind of body as its framework names it ("Primary school"), or its id. */
export const kindLabel = (fw: Framework, id: string): string => fw.kinds?.find((k) => k.id === id)?.label ?? id;

/** An answer's label, or "Not answered". */
export function answerWord(fw: Framework, word: string | undefined, l: Messages): string {
  return word === undefined || word === UNANSWERED ? l.t('diff.notAnswered') : (fw.answers.find((a) => a.id === word)?.label ?? word);
}
