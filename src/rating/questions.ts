// Each question's effective answer: what it counts as once freshness is applied.
import type { BenchmarkEntry } from '../model/assessment.js';
import { monthsBefore } from '../model/dates.js';
import { resolveAnswer, type Resolved } from './positions.js';
import type { Benchmark, Framework, Question } from '../model/framework-schema.js';

export interface QuestionState {
  question: Question;
  /** The answer as recorded; undefined while unanswered. */
  given?: string;
  /** What it counts as in the rules: `unanswered`, or an answer word. */
  effective: string;
  applicable: boolean;
  /** Set when the evidence is out of date and the answer was downgraded. */
  stale?: { reviewed: string; before: string };
  /** Where the answer came from, and every position given on it (positions.ts). */
  resolved: Resolved;
}

export const UNANSWERED = 'unanswered';

export function questionStates(fw: Framework, b: Benchmark, entry: BenchmarkEntry, date: string): QuestionState[] {
  const cutoff = monthsBefore(date, fw.evidence_valid_months);
  return b.questions
    .filter((q) => !q.retired)
    .map((question) => {
      const resolved = resolveAnswer(fw, entry.answers[question.id]);
      const given = resolved.answer;
      const def = fw.answers.find((d) => d.id === given);
      let effective = given ?? UNANSWERED;
      let stale: QuestionState['stale'];
      if (def?.stale_as && resolved.reviewed && resolved.reviewed < cutoff) {
        effective = def.stale_as;
        stale = { reviewed: resolved.reviewed, before: cutoff };
      }
      return { question, given, effective, applicable: def ? def.applicable : true, stale, resolved };
    });
}
