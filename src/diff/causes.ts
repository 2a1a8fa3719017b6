// Why a benchmark's rating moved. Answer changes are tested against the new framework's
// rules: the smallest sets of changes that, undone, would change the computed rating are
// the ones that moved it. Everything else changed is listed, but not blamed.
import type { Framework } from '../model/framework-schema.js';
import { UNANSWERED, type QuestionState } from '../rating/questions.js';
import { ratingLabel, type BenchmarkRating } from '../rating/rate.js';
import { firstMatch, phrase } from '../rating/rules.js';
import type { QuestionPair } from './questions.js';
import type { Cause, QuestionMove } from './types.js';

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

const quote = (s: QuestionState) => `'${s.question.title}'${s.question.essential ? ' (essential)' : ''}`;
const nowPhrase = (fw: Framework, w: string) => (w === UNANSWERED ? 'is no longer answered' : phrase(fw, w).replace(/^is /, 'is now '));
const wasPhrase = (fw: Framework, w: string) => phrase(fw, w).replace(/^is /, 'was ');

export interface CauseInput {
  oldFw: Framework;
  newFw: Framework;
  old: BenchmarkRating;
  now: BenchmarkRating;
  pairs: QuestionPair[];
  decisive: Set<QuestionPair>;
}

/** Causes found in the answers and the agreed ratings of a one-to-one comparison. */
export function ratingCauses({ oldFw, newFw, old, now, pairs, decisive }: CauseInput): Cause[] {
  const causes: Cause[] = [];
  const from = { rating: old.computed, label: ratingLabel(oldFw, old.computed) };
  const to = { rating: now.computed, label: ratingLabel(newFw, now.computed) };
  const plain = old.final === old.computed && now.final === now.computed;
  const move = `${plain ? '' : 'Computed '}${from.label} → ${to.label}`;

  if (!old.evidenceRecorded && now.evidenceRecorded) {
    causes.push({ kind: 'first-evidence', text: `Answers recorded for the first time (${now.answered} of ${now.total} questions): ${now.reason}`, answered: now.answered, total: now.total });
  } else if (old.evidenceRecorded && !now.evidenceRecorded) {
    causes.push({ kind: 'no-evidence', text: `No answers recorded this time (there were ${old.answered} of ${old.total})` });
  } else if (old.computed !== now.computed) {
    const moved = pairs.filter((p) => decisive.has(p));
    const answered = moved.filter((p) => !(p.new!.stale && !p.old!.stale && p.old!.given === p.new!.given));
    if (answered.length) {
      const clauses = answered.map((p) => {
        const [o, n] = [p.old!, p.new!];
        if (o.stale && !n.stale && o.given === n.given) return `${quote(n)} ${nowPhrase(newFw, n.effective)} again: its evidence was reviewed${p.newAnswer?.reviewed ? ` on ${p.newAnswer.reviewed}` : ''}`;
        return `${quote(n)} ${nowPhrase(newFw, n.effective)} (${wasPhrase(oldFw, o.effective)})`;
      });
      const questions: QuestionMove[] = answered.map((p) => ({ id: p.new!.question.id, title: p.new!.question.title, essential: p.new!.question.essential, from: p.old!.effective, to: p.new!.effective }));
      causes.push({ kind: 'answers', text: `${move}: ${clauses.join('; ')}`, computed: { from, to }, questions });
    }
    for (const p of moved.filter((x) => !answered.includes(x))) {
      const n = p.new!;
      const counts = phrase(newFw, n.effective).replace(/^is (only )?/, '');
      causes.push({
        kind: 'stale',
        text: `${move}: ${quote(n)} now counts as ${counts}: its evidence was last reviewed on ${n.stale!.reviewed}, more than ${newFw.evidence_valid_months} months before the assessment`,
        question: n.question.id,
        reviewed: n.stale!.reviewed,
      });
    }
  }

  const [was, is] = [old.entry.rating, now.entry.rating];
  const rationale = now.entry.rationale;
  if (is && was !== is) {
    const overrules = now.computed !== now.final && ratingLabel(newFw, now.computed) !== 'Not yet rated';
    const text = was
      ? `Agreed rating changed from ${ratingLabel(oldFw, was)} to ${ratingLabel(newFw, is)}`
      : `Agreed as ${ratingLabel(newFw, is)} by the group${overrules ? `, where the rules give ${ratingLabel(newFw, now.computed)}` : ''}`;
    causes.push({ kind: 'agreed', text, from: was, to: is, ...(rationale ? { rationale } : {}) });
  } else if (was && !is) {
    causes.push({ kind: 'agreed', text: `The agreed ${ratingLabel(oldFw, was)} was dropped; the rating is now computed from the answers`, from: was });
  }
  return causes;
}
