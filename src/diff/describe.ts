// Words every diff renderer shares, so text, Markdown and the report say the same thing.
import type { AssessmentDiff, BenchmarkChange, Direction } from './types.js';

export const rowName = (r: BenchmarkChange): string => {
  if (r.benchmark) return `${r.benchmark.number}. ${r.benchmark.title}`;
  const o = r.from[0];
  return o ? `${o.title} (old benchmark ${o.number})` : '(unknown benchmark)';
};

/** Question changes a reader needs: evidence-only updates are counted, not listed. */
export function shownQuestions(r: BenchmarkChange): { shown: BenchmarkChange['questions']; evidenceOnly: number } {
  const shown = r.questions.filter((q) => q.change !== 'evidence');
  return { shown, evidenceOnly: r.questions.length - shown.length };
}

const MARK: Record<Direction, string> = {
  improved: '↑ improved',
  declined: '↓ declined',
  unchanged: 'unchanged',
  'newly rated': 'newly rated',
  'no longer rated': 'no longer rated',
};
export const directionText = (d: Direction) => MARK[d];

/** "was 9. Community Engagement + 10. Communications", for rows not matched by the same id. */
export function fromNote(r: BenchmarkChange, d: AssessmentDiff): string | undefined {
  if (r.comparison === 'same') return undefined;
  if (r.comparison === 'unmapped') return `no successor in ${d.new.framework.id}`;
  if (r.comparison === 'new') return `new in ${d.new.framework.id}`;
  const names = r.from.map((o) => `${o.number}. ${o.title}`).join(' + ');
  return `${r.comparison === 'mapped' ? 'was' : `${r.comparison} from`} ${names}`;
}

/** Rows that cannot be read as like-for-like, one line each. */
export function notLikeForLike(d: AssessmentDiff): string[] {
  return d.rows
    .filter((r) => !r.likeForLike)
    .map((r) => {
      const olds = r.from.map((o) => `${o.number}. ${o.title} (${o.label})`).join(' and ');
      switch (r.comparison) {
        case 'merged':
          return `${rowName(r)} merges ${olds}; compared with the lowest, ${r.before?.label ?? 'Not yet rated'}.`;
        case 'split':
          return `${rowName(r)} is one of several successors of ${olds}.`;
        case 'new':
          return `${rowName(r)} is new in ${d.new.framework.id} and has no predecessor.`;
        default:
          return `${rowName(r)} has no successor in ${d.new.framework.id}; it was ${r.before?.label ?? 'Not yet rated'}.`;
      }
    });
}

export function questionSetLine(d: AssessmentDiff): string {
  const q = d.questionSets;
  const pct = q.new ? Math.round((100 * q.shared) / q.new) : 0;
  if (d.sameFramework && q.shared === q.old && q.shared === q.new) return `Question sets: the same ${q.new} questions on both sides.`;
  return `Question sets: ${q.shared} of the ${q.new} ${d.new.framework.id} questions (${pct}%) were also asked in ${d.old.framework.id} (${q.old} questions); answers to those are compared directly.`;
}

export function countsLine(counts: Record<string, number>, ratings: { id: string; label: string }[]): string {
  return [...[...ratings].reverse().map((r) => `${counts[r.id] ?? 0} ${r.label}`), `${counts.unrated ?? 0} Not yet rated`].join(' · ');
}

export function summaryLine(d: AssessmentDiff): string {
  const parts = (['improved', 'declined', 'newly rated', 'no longer rated', 'unchanged'] as const).filter((k) => d.summary[k] > 0).map((k) => `${d.summary[k]} ${k}`);
  return parts.join(' · ') || 'nothing to compare';
}

/** Rows worth a paragraph: the rating moved, the comparison is not like-for-like, or something changed. */
export const hasNews = (r: BenchmarkChange) =>
  r.direction !== 'unchanged' || !r.likeForLike || r.causes.some((c) => c.kind !== 'framework') || shownQuestions(r).shown.length > 0;
