// Pure: an assessment and its framework in, a rating with its reason per benchmark out.
import type { Assessment, BenchmarkEntry } from '../model/assessment.js';
import type { Benchmark, Framework } from '../model/framework-schema.js';
import { messages } from '../i18n/catalogue.js';
import { ratingWord, reasonText, summaryText, UNRATED, type Clause, type Reason, type Summary } from './explain.js';
import { questionStates, type QuestionState } from './questions.js';
import { firstMatch } from './rules.js';

export { UNRATED };

export interface BenchmarkRating {
  benchmark: Benchmark;
  entry: BenchmarkEntry;
  questions: QuestionState[];
  /** The rules' result: a rating id or `unrated`. */
  computed: string;
  /** Id of the rule that fired. */
  rule: string;
  /** Why the rules gave `computed`, naming the questions that decided it (in English). */
  reason: string;
  /** The same as data, for words in any language (explain.ts). */
  why: Reason;
  /** Question ids the reason names. */
  cited: string[];
  /** The agreed rating where there is one, else the computed one. */
  final: string;
  basis: 'agreed' | 'computed';
  /** Whether any answer was recorded at all. */
  evidenceRecorded: boolean;
  answered: number;
  total: number;
  /** The reason for the final rating, as reports print it (in English). */
  summary: string;
  /** The same as data. */
  explained: Summary;
}

/** A rating's word in English: the framework's label, or "Not yet rated". */
export function ratingLabel(fw: Framework, id: string): string {
  return ratingWord(fw, id, messages());
}

/** Position in the framework's scale (red 0 < amber 1 < green 2); unrated is -1. */
export function ratingRank(fw: Framework, id: string): number {
  return fw.ratings.findIndex((r) => r.id === id);
}

/** `own`: how reasons name the file's own answer among positions (the authority); `kind`: the return's kind of body. */
export function rateBenchmark(fw: Framework, b: Benchmark, entry: BenchmarkEntry, date: string, own = 'this assessment', kind?: string): BenchmarkRating {
  const all = questionStates(fw, b, entry, date, kind);
  // Questions outside the body's kind are listed (as not applicable to it) but never counted.
  const questions = all.filter((q) => !q.notForKind);
  const match = firstMatch(fw, questions);
  const computed = match.rule.rating;
  const clauses: Clause[] = match.clauses.length ? [...match.clauses] : [{ kind: 'explain', rule: match.rule.id, text: match.rule.explain }];
  for (const s of questions.filter((q) => q.stale)) {
    clauses.push({ kind: 'stale', question: s.question.id, answer: s.effective, reviewed: s.stale!.reviewed, months: fw.evidence_valid_months, date });
  }
  for (const s of questions.filter((q) => q.resolved.source === 'unsettled')) {
    clauses.push({ kind: 'unsettled', question: s.question.id, answer: s.resolved.answer!, voices: s.resolved.voices, own });
  }
  const why: Reason = { rating: computed, clauses };
  const answered = questions.filter((q) => q.given !== undefined).length;
  const evidenceRecorded = questions.some((q) => q.given !== undefined);
  const agreed = entry.rating;
  const final = agreed ?? computed;
  let explained: Summary = { kind: 'computed', reason: why };
  if (!agreed && !evidenceRecorded) explained = { kind: 'no-answers', rating: computed };
  else if (agreed && !evidenceRecorded) explained = { kind: 'agreed-no-evidence', rating: agreed };
  else if (agreed && agreed !== computed) explained = { kind: 'agreed-overrules', rating: agreed, reason: why, ...(entry.rationale ? { rationale: entry.rationale } : {}) };
  else if (agreed) explained = { kind: 'agreed-same', reason: why };
  return new Rated(fw, {
    benchmark: b,
    entry,
    questions: all,
    computed,
    rule: match.rule.id,
    why,
    cited: [...new Set([...match.cited, ...questions.filter((q) => q.stale || q.resolved.source === 'unsettled').map((q) => q.question.id)])],
    final,
    basis: agreed ? 'agreed' : 'computed',
    evidenceRecorded,
    answered,
    total: questions.length,
    explained,
  });
}

/**
 * A rating whose English words are worded when first read: a roll-up of thousands of returns
 * never reads them. A class, not an object literal with getters: V8 makes every such literal
 * in its long-lived heap, where a thousand files' ratings piled up as garbage (trend over
 * 1,000 files promoted 34 MB against 9 MB for yaml.parse alone).
 */
class Rated implements BenchmarkRating {
  benchmark!: Benchmark;
  entry!: BenchmarkEntry;
  questions!: QuestionState[];
  computed!: string;
  rule!: string;
  why!: Reason;
  cited!: string[];
  final!: string;
  basis!: 'agreed' | 'computed';
  evidenceRecorded!: boolean;
  answered!: number;
  total!: number;
  explained!: Summary;
  #fw: Framework;
  #reason: string | undefined;
  #summary: string | undefined;

  constructor(fw: Framework, fields: Omit<BenchmarkRating, 'reason' | 'summary'>) {
    this.#fw = fw;
    Object.assign(this, fields);
  }

  get reason(): string {
    return (this.#reason ??= reasonText(this.#fw, this.why, messages()));
  }

  get summary(): string {
    return (this.#summary ??= summaryText(this.#fw, this.explained, messages()));
  }
}

export function rateAssessment(fw: Framework, a: Assessment): BenchmarkRating[] {
  return fw.benchmarks.map((b) => rateBenchmark(fw, b, a.benchmarks[b.id]!, a.date, a.authority, a.kind));
}

export function countRatings(fw: Framework, ratings: Pick<BenchmarkRating, 'final'>[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries([...fw.ratings.map((r) => [r.id, 0]), [UNRATED, 0]]);
  for (const r of ratings) counts[r.final] = (counts[r.final] ?? 0) + 1;
  return counts;
}
