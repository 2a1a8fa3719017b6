// Pure: an assessment and its framework in, a rating with its reason per benchmark out.
import type { Assessment, BenchmarkEntry } from '../model/assessment.js';
import type { Benchmark, Framework } from '../model/framework-schema.js';
import { questionStates, type QuestionState } from './questions.js';
import { firstMatch, phrase } from './rules.js';
import { unsettledClause } from './unsettled.js';

export const UNRATED = 'unrated';

export interface BenchmarkRating {
  benchmark: Benchmark;
  entry: BenchmarkEntry;
  questions: QuestionState[];
  /** The rules' result: a rating id or `unrated`. */
  computed: string;
  /** Id of the rule that fired. */
  rule: string;
  /** Why the rules gave `computed`, naming the questions that decided it. */
  reason: string;
  /** Question ids the reason names. */
  cited: string[];
  /** The agreed rating where there is one, else the computed one. */
  final: string;
  basis: 'agreed' | 'computed';
  /** Whether any answer was recorded at all. */
  evidenceRecorded: boolean;
  answered: number;
  total: number;
  /** The reason for the final rating, as reports print it. */
  summary: string;
}

export function ratingLabel(fw: Framework, id: string): string {
  return id === UNRATED ? 'Not yet rated' : (fw.ratings.find((r) => r.id === id)?.label ?? id);
}

/** Position in the framework's scale (red 0 < amber 1 < green 2); unrated is -1. */
export function ratingRank(fw: Framework, id: string): number {
  return fw.ratings.findIndex((r) => r.id === id);
}

/** `own`: how reasons name the file's own answer among positions (the authority). */
export function rateBenchmark(fw: Framework, b: Benchmark, entry: BenchmarkEntry, date: string, own = 'this assessment'): BenchmarkRating {
  const questions = questionStates(fw, b, entry, date);
  const match = firstMatch(fw, questions);
  const computed = match.rule.rating;
  const clauses = match.clauses.length ? [...match.clauses] : [match.rule.explain];
  for (const s of questions.filter((q) => q.stale)) {
    clauses.push(`'${s.question.title}' counts as ${phrase(fw, s.effective).replace(/^is (only )?/, '')}: its evidence was last reviewed on ${s.stale!.reviewed}, more than ${fw.evidence_valid_months} months before ${date}`);
  }
  for (const s of questions.filter((q) => q.resolved.source === 'unsettled')) clauses.push(unsettledClause(fw, s, own));
  const reason = `${ratingLabel(fw, computed)}: ${clauses.join('; ')}`;
  const answered = questions.filter((q) => q.given !== undefined).length;
  const evidenceRecorded = questions.some((q) => q.given !== undefined);
  const agreed = entry.rating;
  const final = agreed ?? computed;
  let summary = reason;
  if (!agreed && !evidenceRecorded) summary = `${ratingLabel(fw, computed)}: no answers have been recorded yet`;
  else if (agreed && !evidenceRecorded) summary = `${ratingLabel(fw, agreed)}: agreed by the group; no evidence was recorded`;
  else if (agreed && agreed !== computed) {
    summary = `${ratingLabel(fw, agreed)}: agreed by the group, where the rules give ${reason}${entry.rationale ? `. Rationale: ${entry.rationale}` : ''}`;
  } else if (agreed) summary = `${reason} (agreed by the group)`;
  return {
    benchmark: b,
    entry,
    questions,
    computed,
    rule: match.rule.id,
    reason,
    cited: [...new Set([...match.cited, ...questions.filter((q) => q.stale || q.resolved.source === 'unsettled').map((q) => q.question.id)])],
    final,
    basis: agreed ? 'agreed' : 'computed',
    evidenceRecorded,
    answered,
    total: questions.length,
    summary,
  };
}

export function rateAssessment(fw: Framework, a: Assessment): BenchmarkRating[] {
  return fw.benchmarks.map((b) => rateBenchmark(fw, b, a.benchmarks[b.id]!, a.date, a.authority));
}

export function countRatings(fw: Framework, ratings: Pick<BenchmarkRating, 'final'>[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries([...fw.ratings.map((r) => [r.id, 0]), [UNRATED, 0]]);
  for (const r of ratings) counts[r.final] = (counts[r.final] ?? 0) + 1;
  return counts;
}
