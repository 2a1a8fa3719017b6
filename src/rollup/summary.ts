// One return reduced to what a roll-up needs, as soon as it is read: the parsed document, its
// source and the rating reasons are dropped, so that thousands of returns stay small.
import type { Assessment } from '../model/assessment.js';
import type { BenchmarkRating } from '../rating/rate.js';
import { UNANSWERED } from '../rating/questions.js';

/** How a question outside the return's kind is counted. */
export const NOT_FOR_KIND = 'not-for-kind';

export interface ReturnSummary {
  file: string;
  name: string;
  reference?: string;
  kind?: string;
  period: string;
  date: string;
  /** The final rating of each benchmark, in framework order. */
  ratings: string[];
  /** Each question's answer as given (or unanswered, or not for its kind), in framework order. */
  answers: string[];
  /** By benchmark and question id: the roll-up words them in its language. */
  overdue: { benchmark: string; action: string; due: string }[];
  stale: { benchmark: string; question: string; reviewed: string }[];
  /**
   * Present (true) when nothing is answered: no question of its kind (an answer, or positions
   * from a merge) and no agreed rating. A blank return (`init --roster` writes one per body) is
   * not a return yet: the roll-up counts its body as not returned.
   */
  blank?: true;
}

/** Whether a return has anything answered (see ReturnSummary.blank). */
export const hasAnswers = (ratings: BenchmarkRating[]): boolean =>
  ratings.some((r) => r.entry.rating !== undefined || r.questions.some((q) => !q.notForKind && q.resolved.source !== 'none'));

export function summarise(file: string, a: Assessment, ratings: BenchmarkRating[]): ReturnSummary {
  const overdue: ReturnSummary['overdue'] = [];
  const stale: ReturnSummary['stale'] = [];
  const answers: string[] = [];
  for (const r of ratings) {
    for (const q of r.questions) {
      answers.push(q.notForKind ? NOT_FOR_KIND : (q.given ?? UNANSWERED));
      if (q.stale) stale.push({ benchmark: r.benchmark.id, question: q.question.id, reviewed: q.stale.reviewed });
    }
    // Overdue as the report says it: open and due before the return's own date.
    for (const x of r.entry.actions) {
      if (x.status === 'open' && x.due !== undefined && x.due < a.date) overdue.push({ benchmark: r.benchmark.id, action: x.action, due: x.due });
    }
  }
  return {
    file,
    name: a.authority,
    ...(a.reference !== undefined && { reference: a.reference }),
    ...(a.kind !== undefined && { kind: a.kind }),
    period: a.period,
    date: a.date,
    ratings: ratings.map((r) => r.final),
    answers,
    overdue,
    stale,
    ...(!hasAnswers(ratings) && { blank: true as const }),
  };
}
