// Why a benchmark's rating moved. Answer changes are tested against the new framework's
// rules: the smallest sets of changes that, undone, would change the computed rating are
// the ones that moved it. Everything else changed is listed, but not blamed.
import type { Framework } from '../model/framework-schema.js';
import { UNANSWERED, type QuestionState } from '../rating/questions.js';
import { type BenchmarkRating } from '../rating/rate.js';
import { answerPhrase, reasonText, UNRATED } from '../rating/explain.js';
import { firstMatch } from '../rating/rules.js';
import type { QuestionPair } from './questions.js';
import type { Cause, QuestionMove } from './types.js';
import { kindLabel, label, plainWording, quoteQuestion, type Wording } from './wording.js';

/** Beyond this many changed answers, every change is blamed rather than searching subsets. */
const SEARCH_LIMIT = 12;

function undo(fw: Framework, states: QuestionState[], pairs: QuestionPair[]): QuestionState[] {
  return states.map((s) => {
    const p = pairs.find((x) => x.new === s);
    if (!p?.old) return s;
    const def = fw.answers.find((a) => a.id === p.old!.given);
    return { ...s, given: p.old.given, effective: p.old.effective, applicable: def ? def.applicable : true, stale: p.old.stale };
  });
}

function* subsets<T>(items: T[], size: number, start = 0): Generator<T[]> {
  if (size === 0) return yield [];
  for (let i = start; i <= items.length - size; i++) for (const rest of subsets(items, size - 1, i + 1)) yield [items[i]!, ...rest];
}

/** The answer changes that moved the computed rating: the union of the smallest deciding sets. */
export function decisivePairs(fw: Framework, now: BenchmarkRating, pairs: QuestionPair[]): Set<QuestionPair> {
  const changed = pairs.filter((p) => p.old && p.new && p.old.effective !== p.new.effective);
  if (changed.length > SEARCH_LIMIT) return new Set(changed);
  for (let size = 1; size <= changed.length; size++) {
    const hits = new Set<QuestionPair>();
    for (const set of subsets(changed, size)) {
      if (firstMatch(fw, undo(fw, now.questions, set)).rule.rating !== now.computed) set.forEach((p) => hits.add(p));
    }
    if (hits.size) return hits;
  }
  return new Set();
}

const quote = (s: QuestionState, w: Wording) => quoteQuestion(w.new, s.question, w.l);
/** English phrases turned to the present and past ("is now met", "was partly met"); a language may use the labels instead. */
const nowPhrase = (fw: Framework, a: string, w: Wording) => (a === UNANSWERED ? w.l.t('cause.noLongerAnswered') : answerPhrase(fw, a, w.l).replace(/^is /, 'is now '));
const wasPhrase = (fw: Framework, a: string, w: Wording) => answerPhrase(fw, a, w.l).replace(/^is /, 'was ');
const answerLabel = (fw: Framework, a: string, w: Wording) => (a === UNANSWERED ? w.l.t('reason.unanswered') : (fw.answers.find((x) => x.id === a)?.label ?? a).toLocaleLowerCase(w.l.locale));

export interface CauseInput {
  oldFw: Framework;
  newFw: Framework;
  old: BenchmarkRating;
  now: BenchmarkRating;
  pairs: QuestionPair[];
  decisive: Set<QuestionPair>;
  /** The words to say it in (default: English, the frameworks' own). */
  w?: Wording;
}

/** Causes found in the answers and the agreed ratings of a one-to-one comparison. */
export function ratingCauses({ oldFw, newFw, old, now, pairs, decisive, w = plainWording(oldFw, newFw) }: CauseInput): Cause[] {
  const { t } = w.l;
  const causes: Cause[] = [];
  const from = { rating: old.computed, label: label(w.old, old.computed, w.l) };
  const to = { rating: now.computed, label: label(w.new, now.computed, w.l) };
  const plain = old.final === old.computed && now.final === now.computed;
  const move = t(plain ? 'cause.move' : 'cause.move.computed', { from: from.label, to: to.label });

  if (!old.evidenceRecorded && now.evidenceRecorded) {
    const text = t('cause.firstEvidence', { answered: now.answered, total: now.total, reason: reasonText(w.new, now.why, w.l, { public: w.public }) });
    causes.push({ kind: 'first-evidence', text, answered: now.answered, total: now.total });
  } else if (old.evidenceRecorded && !now.evidenceRecorded) {
    causes.push({ kind: 'no-evidence', text: t('cause.noEvidence', { answered: old.answered, total: old.total }) });
  } else if (old.computed !== now.computed) {
    const moved = pairs.filter((p) => decisive.has(p));
    const answered = moved.filter((p) => !(p.new!.stale && !p.old!.stale && p.old!.given === p.new!.given));
    if (answered.length) {
      const clauses = answered.map((p) => {
        const [o, n] = [p.old!, p.new!];
        const words = { question: quote(n, w), now: nowPhrase(w.new, n.effective, w), label: answerLabel(w.new, n.effective, w) };
        if (o.stale && !n.stale && o.given === n.given) {
          const reviewed = p.newAnswer?.reviewed;
          return reviewed && !w.public ? t('cause.freshOn', { ...words, reviewed, reviewedLong: w.l.date(reviewed) }) : t('cause.fresh', words);
        }
        // Asked on one side only: "not answered" would be untrue of the side it was not asked on.
        if (o.notForKind && !n.notForKind) return t('cause.nowAsked', { ...words, kind: kindLabel(w.old, o.notForKind) });
        if (n.notForKind && !o.notForKind) return t('cause.noLongerAsked', { question: words.question, kind: kindLabel(w.new, n.notForKind), was: wasPhrase(w.old, o.effective, w), wasLabel: answerLabel(w.old, o.effective, w) });
        return t('cause.answer', { ...words, was: wasPhrase(w.old, o.effective, w), wasLabel: answerLabel(w.old, o.effective, w) });
      });
      const questions: QuestionMove[] = answered.map((p) => ({ id: p.new!.question.id, title: p.new!.question.title, essential: p.new!.question.essential, from: p.old!.effective, to: p.new!.effective }));
      causes.push({ kind: 'answers', text: t('cause.moved', { move, clauses: clauses.join(t('list.clauses')) }), computed: { from, to }, questions });
    }
    for (const p of moved.filter((x) => !answered.includes(x))) {
      const n = p.new!;
      const counts = answerPhrase(w.new, n.effective, w.l).replace(/^is (only )?/, '');
      const params = { move, question: quote(n, w), counts, label: answerLabel(w.new, n.effective, w), reviewed: n.stale!.reviewed, reviewedLong: w.l.date(n.stale!.reviewed), months: newFw.evidence_valid_months };
      causes.push({ kind: 'stale', text: t(w.public ? 'cause.stale.undated' : 'cause.stale', params), question: n.question.id, reviewed: n.stale!.reviewed });
    }
  }

  const [was, is] = [old.entry.rating, now.entry.rating];
  const rationale = now.entry.rationale;
  if (is && was !== is) {
    const overrules = now.computed !== now.final && now.computed !== UNRATED;
    const text = was
      ? t('cause.agreedChanged', { from: label(w.old, was, w.l), to: label(w.new, is, w.l) })
      : overrules
        ? t('cause.agreedOverrules', { rating: label(w.new, is, w.l), computed: label(w.new, now.computed, w.l) })
        : t('cause.agreed', { rating: label(w.new, is, w.l) });
    causes.push({ kind: 'agreed', text, from: was, to: is, ...(rationale ? { rationale } : {}) });
  } else if (was && !is) {
    causes.push({ kind: 'agreed', text: t('cause.agreedDropped', { rating: label(w.old, was, w.l) }), from: was });
  }
  return causes;
}
