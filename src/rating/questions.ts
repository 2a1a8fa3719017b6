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
  /** Set to the return's kind when the question does not apply to it: not asked, not counted. */
  notForKind?: string;
  /** Set when the evidence is out of date and the answer was downgraded. */
  stale?: { reviewed: string; before: string };
  /** Where the answer came from, and every position given on it (positions.ts). */
  resolved: Resolved;
}

export const UNANSWERED = 'unanswered';

/** The question as it stands for a kind of body: essential for it when `essential_for` says so. */
export function forKind(q: Question, kind: string | undefined): Question {
  return kind && !q.essential && q.essential_for?.includes(kind) ? { ...q, essential: true } : q;
}

/** Whether a question is asked of a body of this kind (every question is, when no kind is given). */
export const appliesTo = (q: Question, kind: string | undefined): boolean => !kind || !q.kinds || q.kinds.includes(kind);

export function questionStates(fw: Framework, b: Benchmark, entry: BenchmarkEntry, date: string, kind?: string): QuestionState[] {
  const cutoff = monthsBefore(date, fw.evidence_valid_months);
  return b.questions
    .filter((q) => !q.retired)
    .map((q) => {
      const question = forKind(q, kind);
      const resolved = resolveAnswer(fw, entry.answers[question.id]);
      const given = resolved.answer;
      // An answer given anyway is kept in the file but not counted (load-assessment warns).
      if (!appliesTo(question, kind)) return { question, given, effective: UNANSWERED, applicable: false, notForKind: kind, resolved };
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
