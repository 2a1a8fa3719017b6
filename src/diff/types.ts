// The vocabulary of change between assessments. Pure data: renderers and the JSON shape read it.
import type { Assessment } from '../model/assessment.js';
import type { Framework } from '../model/framework-schema.js';
import type { BenchmarkRating } from '../rating/rate.js';

/** One rated assessment: what `openAssessment` gives, plus the name to show for it. */
export interface RatedSide {
  assessment: Assessment;
  framework: Framework;
  ratings: BenchmarkRating[];
  /** The file it was read from, as given on the command line. */
  file?: string;
  /** The framework in the output's language (model/localize.ts): its words only, never compared. */
  words?: Framework;
}

export const DIRECTIONS = ['improved', 'declined', 'unchanged', 'newly rated', 'no longer rated'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * How a row was matched: `same` benchmark id in the same framework; `mapped` one-to-one across
 * frameworks; `merged` several old into one new; `split` one old into several new; `new` has no
 * predecessor; `unmapped` an old benchmark with no successor.
 */
export type Comparison = 'same' | 'mapped' | 'merged' | 'split' | 'new' | 'unmapped';

export interface RatingRef {
  rating: string;
  label: string;
}

export interface OldBenchmark extends RatingRef {
  id: string;
  number: number;
  title: string;
  basis: 'agreed' | 'computed';
}

export interface NewBenchmark extends RatingRef {
  basis: 'agreed' | 'computed';
  reason: string;
}

export interface QuestionMove {
  id: string;
  title: string;
  essential: boolean;
  /** Effective answers (freshness applied), `unanswered` while unanswered. */
  from: string;
  to: string;
}

export type Cause =
  | { kind: 'answers'; text: string; computed: { from: RatingRef; to: RatingRef }; questions: QuestionMove[] }
  | { kind: 'stale'; text: string; question: string; reviewed: string }
  | { kind: 'first-evidence'; text: string; answered: number; total: number }
  | { kind: 'no-evidence'; text: string }
  | { kind: 'agreed'; text: string; from?: string; to?: string; rationale?: string }
  | { kind: 'framework'; text: string }
  /** The framework's rules changed, and the old rules would rate the new answers otherwise. */
  | { kind: 'rules'; text: string; changes: string[]; computed: { from: RatingRef; to: RatingRef } }
  /** An organisation's contribution, new or updated since, changed positions on the benchmark's questions. */
  | { kind: 'contribution'; text: string; organisation: string; contribution: 'new' | 'updated'; date?: string; positions: ContributionMove[] }
  /** The group settled an unsettled question at challenge since. */
  | { kind: 'settled'; text: string; question: string; answer: string; date: string };

/** What one contribution changed on one question: answers as given (absent: none). */
export interface ContributionMove {
  question: string;
  title: string;
  change: 'new position' | 'changed' | 'evidence' | 'withdrawn';
  from?: string;
  to?: string;
}

/**
 * `now asked` / `no longer asked`: a question of both frameworks that the body's kind is asked
 * on one side only (its kind changed, or which kinds the question is for).
 */
export type QuestionChangeKind = 'answered' | 'changed' | 'unanswered' | 'stale' | 'fresh' | 'evidence' | 'new question' | 'dropped question' | 'now asked' | 'no longer asked';

export interface QuestionChange {
  id: string;
  title: string;
  essential: boolean;
  change: QuestionChangeKind;
  /** Answers as recorded (not freshness-adjusted); absent while unanswered. */
  from?: string;
  to?: string;
  /** Part of a cause: this change moved the rule. */
  decisive: boolean;
  text: string;
}

export interface BenchmarkChange {
  /** The benchmark in the new framework; null for an old one with no successor. */
  benchmark: { id: string; number: number; title: string } | null;
  /** The old benchmark(s) it is compared with. */
  from: OldBenchmark[];
  comparison: Comparison;
  likeForLike: boolean;
  /** The rating compared against: the old final, or the lowest of merged ones. */
  before: RatingRef | null;
  after: NewBenchmark | null;
  direction: Direction;
  causes: Cause[];
  questions: QuestionChange[];
  /** Questions asked on both sides (after mapping), and on each side. */
  sharedQuestions: { shared: number; old: number; new: number };
}

export interface SideSummary {
  file?: string;
  authority: string;
  /** The body's kind, on a return of a framework with kinds. */
  kind?: string;
  period: string;
  date: string;
  /** `digest`: SHA-256 of the framework's content (questions and rules), whatever its id says. */
  framework: { id: string; version: string; title: string; digest: string };
  counts: Record<string, number>;
}

export interface AssessmentDiff {
  old: SideSummary;
  new: SideSummary;
  sameFramework: boolean;
  /** How benchmarks were matched: same framework, the new one's `maps_from`, the old one's in reverse, or by id. */
  mapping: 'same' | 'maps_from' | 'reverse maps_from' | 'by id';
  /** Rating words of the new framework, lowest first, for counts and colours. */
  ratings: { id: string; label: string; colour: string }[];
  rows: BenchmarkChange[];
  /** Every change of rules between the two frameworks that can change a computed rating. */
  ruleChanges: string[];
  summary: Record<Direction, number>;
  questionSets: { shared: number; old: number; new: number };
  notes: string[];
}
