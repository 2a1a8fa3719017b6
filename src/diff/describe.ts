// Words every diff renderer shares, so text, Markdown and the report say the same thing,
// in the catalogue's language.
import { messages, type Messages } from '../i18n/catalogue.js';
import type { AssessmentDiff, BenchmarkChange, Direction } from './types.js';

export const rowName = (r: BenchmarkChange, l: Messages = messages()): string => {
  if (r.benchmark) return `${r.benchmark.number}. ${r.benchmark.title}`;
  const o = r.from[0];
  return o ? l.t('diff.oldBenchmark', { title: o.title, number: o.number }) : l.t('diff.unknownBenchmark');
};

/** Question changes a reader needs: evidence-only updates are counted, not listed. */
export function shownQuestions(r: BenchmarkChange): { shown: BenchmarkChange['questions']; evidenceOnly: number } {
  const shown = r.questions.filter((q) => q.change !== 'evidence');
  return { shown, evidenceOnly: r.questions.length - shown.length };
}

const KEY = { improved: 'diff.mark.improved', declined: 'diff.mark.declined', unchanged: 'direction.unchanged', 'newly rated': 'direction.newlyRated', 'no longer rated': 'direction.noLongerRated' } as const;
/** "↑ improved", "↓ declined", or the direction's word. */
export const directionText = (d: Direction, l: Messages = messages()) => l.t(KEY[d]);

/** "was 9. Community Engagement + 10. Communications", for rows not matched by the same id. */
export function fromNote(r: BenchmarkChange, d: AssessmentDiff, { t }: Messages = messages()): string | undefined {
  if (r.comparison === 'same') return undefined;
  if (r.comparison === 'unmapped') return t('diff.from.unmapped', { id: d.new.framework.id });
  if (r.comparison === 'new') return t('diff.from.new', { id: d.new.framework.id });
  const names = r.from.map((o) => `${o.number}. ${o.title}`).join(' + ');
  return t(r.comparison === 'mapped' ? 'diff.from.mapped' : r.comparison === 'merged' ? 'diff.from.merged' : 'diff.from.split', { names });
}

/** Rows that cannot be read as like-for-like, one line each. */
export function notLikeForLike(d: AssessmentDiff, l: Messages = messages()): string[] {
  const { t } = l;
  return d.rows
    .filter((r) => !r.likeForLike)
    .map((r) => {
      const olds = r.from.map((o) => `${o.number}. ${o.title} (${o.label})`);
      const list = olds.length ? olds.reduce((all, next) => t('list.and', { list: all, last: next })) : '';
      const say = { row: rowName(r, l), olds: list, id: d.new.framework.id, lowest: r.before?.label ?? t('rating.unrated') };
      switch (r.comparison) {
        case 'merged':
          return t('diff.odd.merged', say);
        case 'split':
          return t('diff.odd.split', say);
        case 'new':
          return t('diff.odd.new', say);
        default:
          return t('diff.odd.unmapped', say);
      }
    });
}

export function questionSetLine(d: AssessmentDiff, { t }: Messages = messages()): string {
  const q = d.questionSets;
  const percent = q.new ? Math.round((100 * q.shared) / q.new) : 0;
  if (d.sameFramework && q.shared === q.old && q.shared === q.new) return t('diff.questionSets.same', { count: q.new });
  return t('diff.questionSets', { shared: q.shared, total: q.new, new: d.new.framework.id, old: d.old.framework.id, oldTotal: q.old, percent });
}

/**
 * "3 Green · 5 Amber · 2 Red · 0 Not yet rated", best first: `text` makes a rating's label fit
 * for the output, and `paint` may colour each part in its rating's colour.
 */
export function countsLine(counts: Record<string, number>, ratings: { id: string; label: string }[], { t }: Messages = messages(), text = (s: string) => s, paint = (_id: string, s: string) => s): string {
  const parts = [...[...ratings].reverse().map((r) => paint(r.id, t('report.count', { count: counts[r.id] ?? 0, label: text(r.label) }))), paint('unrated', t('report.count', { count: counts.unrated ?? 0, label: t('rating.unrated') }))];
  return parts.join(t('list.separator'));
}

const SUMMARY = { improved: 'direction.improved', declined: 'direction.declined', 'newly rated': 'direction.newlyRated', 'no longer rated': 'direction.noLongerRated', unchanged: 'direction.unchanged' } as const;

export function summaryLine(d: AssessmentDiff, l: Messages = messages()): string {
  const { t } = l;
  const parts = (['improved', 'declined', 'newly rated', 'no longer rated', 'unchanged'] as const).filter((k) => d.summary[k] > 0).map((k) => t('report.count', { count: d.summary[k], label: t(SUMMARY[k]) }));
  return parts.join(t('list.separator')) || t('diff.nothingToCompare');
}

/** Rows worth a paragraph: the rating moved, the comparison is not like-for-like, or something changed. */
export const hasNews = (r: BenchmarkChange) =>
  r.direction !== 'unchanged' || !r.likeForLike || r.causes.some((c) => c.kind !== 'framework') || shownQuestions(r).shown.length > 0;
