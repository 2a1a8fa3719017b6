// Words for the report model's ids, from the catalogue: one place maps an id to its key.
import { messages, type MessageKey, type Messages } from '../i18n/catalogue.js';
import type { ReportModel } from './model.js';

const DIRECTION: Record<string, MessageKey> = {
  improved: 'direction.improved',
  declined: 'direction.declined',
  unchanged: 'direction.unchanged',
  'newly rated': 'direction.newlyRated',
  'no longer rated': 'direction.noLongerRated',
  'not comparable': 'direction.notComparable',
};

/** "improved", "wedi gwella": a change's direction in the report's language. */
export function directionWord(t: Messages['t'], d: string): string {
  const key = DIRECTION[d];
  return key ? t(key) : d;
}

/** Ratings best first, then unrated, with their counts: the order the summary reads in. */
export function ratingCounts(m: ReportModel): { id: string; label: string; count: number }[] {
  return [
    ...[...m.ratings].reverse().map((r) => ({ id: r.id, label: r.label, count: m.counts[r.id] ?? 0 })),
    { id: 'unrated', label: messages(m.lang).t('rating.unrated'), count: m.counts.unrated ?? 0 },
  ];
}
