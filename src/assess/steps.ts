// Pure: where a walk-through stands and what it asks next, from the ratings alone.
import type { Framework } from '../model/framework-schema.js';
import { ratingLabel, UNRATED, type BenchmarkRating } from '../rating/rate.js';

export type Step =
  | { kind: 'question'; benchmark: number; question: string }
  | { kind: 'rating'; benchmark: number }
  | { kind: 'sign-off' }
  | { kind: 'done' };

/** What the group put off in this session; a new session asks again. */
export interface Skipped {
  questions: Set<string>;
  ratings: Set<string>;
  signOff: boolean;
}

export const newSkipped = (): Skipped => ({ questions: new Set(), ratings: new Set(), signOff: false });
export const questionKey = (benchmark: string, question: string) => `${benchmark}/${question}`;

/** The group has still to agree the rating: none recorded, or one that differs with no rationale. */
export function ratingPending(r: BenchmarkRating): boolean {
  if (r.computed === UNRATED) return false;
  const agreed = r.entry.rating;
  return !agreed || (agreed !== r.computed && !r.entry.rationale);
}

/** First unanswered question, else the first rating to agree, benchmark by benchmark; then sign-off. */
export function nextStep(ratings: BenchmarkRating[], signedOff: boolean, skipped: Skipped): Step {
  for (const [i, r] of ratings.entries()) {
    const q = r.questions.find((s) => s.given === undefined && !s.notForKind && !skipped.questions.has(questionKey(r.benchmark.id, s.question.id)));
    if (q) return { kind: 'question', benchmark: i, question: q.question.id };
    if (ratingPending(r) && !skipped.ratings.has(r.benchmark.id)) return { kind: 'rating', benchmark: i };
  }
  if (!signedOff && !skipped.signOff && allRated(ratings)) return { kind: 'sign-off' };
  return { kind: 'done' };
}

export const allRated = (ratings: BenchmarkRating[]) => ratings.every((r) => r.final !== UNRATED);

export interface Progress {
  benchmark?: number;
  benchmarks: number;
  answered: number;
  questions: number;
  rated: number;
}

export function progress(ratings: BenchmarkRating[], step: Step): Progress {
  return {
    benchmark: 'benchmark' in step ? step.benchmark + 1 : undefined,
    benchmarks: ratings.length,
    answered: ratings.reduce((n, r) => n + r.answered, 0),
    questions: ratings.reduce((n, r) => n + r.total, 0),
    rated: ratings.filter((r) => r.final !== UNRATED).length,
  };
}

/** "Benchmark 3 of 10 · 23 of 61 questions answered · 2 of 10 rated" */
export function progressLine(p: Progress): string {
  const where = p.benchmark ? `Benchmark ${p.benchmark} of ${p.benchmarks}` : `All ${p.benchmarks} benchmarks visited`;
  return `${where} · ${p.answered} of ${p.questions} questions answered · ${p.rated} of ${p.benchmarks} rated`;
}

/** A benchmark's state in a menu: "Amber (agreed) · 6 of 6 answered". */
export function benchmarkStatus(fw: Framework, r: BenchmarkRating): string {
  const count = `${r.answered} of ${r.total} answered`;
  if (r.final === UNRATED) return `Not yet rated · ${count}`;
  const basis = r.basis === 'agreed' ? ' (agreed)' : ratingPending(r) ? ' (to agree)' : '';
  return `${ratingLabel(fw, r.final)}${basis} · ${count}`;
}

/** What "continue" does next, for the menu. */
export function describeStep(fw: Framework, step: Step): string {
  if (step.kind === 'question') {
    const b = fw.benchmarks[step.benchmark]!;
    const n = b.questions.filter((q) => !q.retired).findIndex((q) => q.id === step.question) + 1;
    return `Continue: benchmark ${b.number}, question ${n} (${b.questions.find((q) => q.id === step.question)!.title})`;
  }
  if (step.kind === 'rating') return `Continue: agree the rating of benchmark ${step.benchmark + 1} (${fw.benchmarks[step.benchmark]!.title})`;
  if (step.kind === 'sign-off') return 'Continue: record the sign-off';
  return 'Nothing left to answer';
}
