// A rating's reason as words, in any catalogue language. The rules (rules.ts) and rate.ts
// say why as data (which questions, which answers, which rule); this is the one place that
// turns that into a sentence, so English and Welsh say the same thing.
import type { Framework } from '../model/framework-schema.js';
import type { Messages } from '../i18n/catalogue.js';
import type { Voice } from './positions.js';
import { UNANSWERED } from './questions.js';

export const UNRATED = 'unrated';

/** One clause of a reason. Ids refer to the framework; the words come at rendering. */
export type Clause =
  /** `essential`: set where the question is essential for the return's kind only (`essential_for`). */
  | { kind: 'answer'; question: string; answer: string; essential?: true }
  | { kind: 'all'; count: number; scope: Scope; answers: string[] }
  | { kind: 'share'; hits: number; pool: number; scope: Scope; answers: string[]; only: boolean }
  | { kind: 'explain'; rule: string; text: string }
  | { kind: 'stale'; question: string; answer: string; reviewed: string; months: number; date: string }
  /** Organisations gave different answers (spec §9): it counts as the lowest, `answer`; `own` names the file's own voice. */
  | { kind: 'unsettled'; question: string; answer: string; voices: Voice[]; own: string };

export type Scope = 'essential' | 'any';

/** Why the rules gave `rating`. */
export interface Reason {
  rating: string;
  clauses: Clause[];
}

/** Why the final rating is what it is, agreed or computed. */
export type Summary =
  | { kind: 'computed'; reason: Reason }
  | { kind: 'no-answers'; rating: string }
  | { kind: 'agreed-no-evidence'; rating: string }
  | { kind: 'agreed-overrules'; rating: string; reason: Reason; rationale?: string }
  | { kind: 'agreed-same'; reason: Reason };

export interface ExplainOptions {
  /** The public version: review dates and the rationale are left out. */
  public?: boolean;
}

export function ratingWord(fw: Framework, id: string, { t }: Messages): string {
  return id === UNRATED ? t('rating.unrated') : (fw.ratings.find((r) => r.id === id)?.label ?? id);
}

/** "is met", or the framework's phrase for the answer. */
export function answerPhrase(fw: Framework, word: string, { t }: Messages): string {
  if (word === UNANSWERED) return t('reason.phrase.unanswered');
  return fw.answers.find((a) => a.id === word)?.phrase ?? t('reason.phrase.other', { word });
}

function question(fw: Framework, id: string) {
  for (const b of fw.benchmarks) {
    const q = b.questions.find((x) => x.id === id);
    if (q) return q;
  }
  return undefined;
}

/** "'Venue-hire policy' (essential)". */
function quoted(fw: Framework, id: string, l: Messages, withEssential = true, forKind = false): string {
  const q = question(fw, id);
  const title = l.t('reason.quote', { title: q?.title ?? id });
  return (q?.essential || forKind) && withEssential ? `${title} ${l.t('question.essential')}` : title;
}

/** "met, partly met or not met" (labels in lower case). */
function answerWords(fw: Framework, answers: string[], l: Messages): string {
  const words = answers.map((w) => (w === UNANSWERED ? l.t('reason.unanswered') : (fw.answers.find((a) => a.id === w)?.label ?? w).toLocaleLowerCase(l.locale)));
  return words.length > 1 ? l.t('list.or', { list: words.slice(0, -1).join(', '), last: words.at(-1)! }) : words[0]!;
}

export function clauseText(fw: Framework, c: Clause, l: Messages, opts: ExplainOptions = {}): string {
  const { t } = l;
  switch (c.kind) {
    case 'answer':
      return t('reason.answer', { question: quoted(fw, c.question, l, true, c.essential), phrase: answerPhrase(fw, c.answer, l) });
    case 'all':
      return t('reason.all', { count: c.count, scope: c.scope, answers: answerWords(fw, c.answers, l) });
    case 'share': {
      const percent = Math.floor((100 * c.hits) / c.pool);
      return t(c.only ? 'reason.share.only' : 'reason.share', { hits: c.hits, pool: c.pool, scope: c.scope, answers: answerWords(fw, c.answers, l), percent });
    }
    case 'explain':
      // The rule applied over every framework (rules.ts NO_ESSENTIAL) speaks from the catalogue.
      if (c.rule === 'no-applicable-essential') return t('reason.noEssential');
      return fw.rules.find((r) => r.id === c.rule)?.explain ?? c.text;
    case 'stale': {
      // "counts as partly met": the answer's phrase without its verb.
      const counts = answerPhrase(fw, c.answer, l).replace(/^is (only )?/, '');
      // English has always given ISO dates here; a language may take the long ones (dateLong) or the label.
      const label = (fw.answers.find((a) => a.id === c.answer)?.label ?? c.answer).toLocaleLowerCase(l.locale);
      const params = { question: quoted(fw, c.question, l, false), counts, label, months: c.months, date: c.date, dateLong: l.date(c.date) };
      return opts.public ? t('reason.stale.undated', params) : t('reason.stale', { ...params, reviewed: c.reviewed, reviewedLong: l.date(c.reviewed) });
    }
    case 'unsettled': {
      const word = (a: string) => (fw.answers.find((x) => x.id === a)?.label ?? a).toLocaleLowerCase(l.locale);
      const voices = c.voices.map((v) => `${v.organisation ?? c.own}: ${word(v.answer)}`).join(', ');
      // The public version says it is unsettled, not who said what (the positions are the board's to weigh).
      const params = { question: quoted(fw, c.question, l, false), answer: word(c.answer) };
      return opts.public ? t('reason.unsettled.public', params) : t('reason.unsettled', { ...params, voices });
    }
  }
}

/** "Red: 'Venue-hire policy' (essential) is not met". */
export function reasonText(fw: Framework, r: Reason, l: Messages, opts: ExplainOptions = {}): string {
  const clauses = r.clauses.map((c) => clauseText(fw, c, l, opts)).join(l.t('list.clauses'));
  return l.t('reason', { rating: ratingWord(fw, r.rating, l), clauses });
}

export function summaryText(fw: Framework, s: Summary, l: Messages, opts: ExplainOptions = {}): string {
  const { t } = l;
  switch (s.kind) {
    case 'computed':
      return reasonText(fw, s.reason, l, opts);
    case 'no-answers':
      return t('summary.noAnswers', { rating: ratingWord(fw, s.rating, l) });
    case 'agreed-no-evidence':
      return t('summary.agreedNoEvidence', { rating: ratingWord(fw, s.rating, l) });
    case 'agreed-same':
      return t('summary.agreedSame', { reason: reasonText(fw, s.reason, l, opts) });
    case 'agreed-overrules': {
      const text = t('summary.agreedOverrules', { rating: ratingWord(fw, s.rating, l), reason: reasonText(fw, s.reason, l, opts) });
      return s.rationale && !opts.public ? t('summary.rationale', { text, rationale: s.rationale }) : text;
    }
  }
}
