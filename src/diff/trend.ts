// Pure: ratings across several assessments, oldest first, on the newest one's framework.
import type { Framework } from '../model/framework-schema.js';
import { countRatings } from '../rating/rate.js';
import { messages, type Messages } from '../i18n/catalogue.js';
import { benchmarkTitle, label } from './wording.js';
import { directionOf } from './diff.js';
import { mappingBetween, pairings, type Pairing } from './mapping.js';
import type { Comparison, Direction, RatedSide, RatingRef } from './types.js';

/**
 * What trend needs of one assessment: its header and each benchmark's final rating. A command
 * reading many files keeps only this of each (`trendSide`), not the file and its evidence.
 */
export interface TrendSide {
  file?: string;
  assessment: Pick<RatedSide['assessment'], 'authority' | 'period' | 'date'>;
  framework: Framework;
  /** The framework in the output's language: its words only. */
  words?: Framework;
  ratings: Pick<RatedSide['ratings'][number], 'benchmark' | 'final' | 'basis'>[];
}

/** The part of a rated assessment that trend reads; the rest can be let go. */
export function trendSide(s: RatedSide): TrendSide {
  const { authority, period, date } = s.assessment;
  return {
    ...(s.file !== undefined ? { file: s.file } : {}),
    // Copies: text read from a file may be a view into the whole file's text, and keep it alive.
    assessment: { authority: structuredClone(authority), period: structuredClone(period), date: structuredClone(date) },
    framework: s.framework,
    ...(s.words && { words: s.words }),
    ratings: s.ratings.map(({ benchmark, final, basis }) => ({ benchmark, final, basis })),
  };
}

export interface TrendPoint {
  file?: string;
  authority: string;
  period: string;
  date: string;
  framework: { id: string; version: string };
  counts: Record<string, number>;
}

export interface TrendCell extends RatingRef {
  basis?: 'agreed' | 'computed';
  /** Set when several old benchmarks merge into this row: each with its rating. `rating` is the lowest. */
  parts?: (RatingRef & { id: string; title: string })[];
  /** Against the previous assessment's cell, when there is one. */
  direction?: Direction;
}

export interface TrendRow {
  benchmark: { id: string; number: number; title: string; framework: string };
  /** One per point; null where that assessment did not assess this benchmark. */
  cells: (TrendCell | null)[];
  comparisons: Comparison[];
  likeForLike: boolean;
  /** Why the row is not like-for-like, when it is not. */
  note?: string;
}

export interface Trend {
  points: TrendPoint[];
  framework: { id: string; version: string; title: string };
  ratings: { id: string; label: string; colour: string }[];
  rows: TrendRow[];
  notes: string[];
}

/** Oldest first; assessments of the same date keep the order they were given in. */
export function byDate<T extends { assessment: { date: string } }>(sides: T[]): T[] {
  return sides.map((s, i) => [s, i] as const).sort((a, b) => a[0].assessment.date.localeCompare(b[0].assessment.date) || a[1] - b[1]).map(([s]) => s);
}

const rankIn = (fw: Framework, id: string) => fw.ratings.findIndex((r) => r.id === id);

function cellFor(side: TrendSide, p: Pairing | undefined, target: Framework, l: Messages): TrendCell | null {
  const olds = (p?.oldIds ?? []).flatMap((id) => side.ratings.find((r) => r.benchmark.id === id) ?? []);
  if (olds.length === 0) return null;
  const fw = side.words ?? side.framework;
  if (olds.length === 1) return { rating: olds[0]!.final, label: label(fw, olds[0]!.final, l), basis: olds[0]!.basis };
  const parts = olds.map((r) => ({ id: r.benchmark.id, title: benchmarkTitle(fw, r.benchmark.id, r.benchmark.title), rating: r.final, label: label(fw, r.final, l) }));
  const rated = parts.filter((x) => rankIn(target, x.rating) >= 0).sort((a, b) => rankIn(target, a.rating) - rankIn(target, b.rating));
  const low = rated[0] ?? parts[0]!;
  return { rating: low.rating, label: low.label, parts };
}

function rowNote(row: TrendRow, sides: TrendSide[], maps: Pairing[][], target: Framework, { t }: Messages): string {
  if (row.comparisons.includes('unmapped')) return t('trend.note.unmapped', { id: target.id });
  const notes = new Set<string>();
  sides.forEach((s, i) => {
    const p = maps[i]!.find((x) => x.newId === row.benchmark.id);
    const titles = (p?.oldIds ?? []).map((id) => benchmarkTitle(s.words ?? s.framework, id, id));
    if (p?.comparison === 'merged') notes.add(t('trend.note.merged', { titles: titles.join(' / '), id: s.framework.id }));
    else if (p?.comparison === 'split') notes.add(t('trend.note.split', { title: titles[0]!, id: s.framework.id }));
    else if (p?.comparison === 'new') notes.add(t('trend.note.new', { id: s.framework.id }));
  });
  return [...notes].join(t('list.clauses'));
}

/** `l`: the language of labels and notes (each side's `words` is its framework in it). */
export function trend(input: TrendSide[], l: Messages = messages()): Trend {
  const sides = byDate(input);
  const target = sides.at(-1)?.framework;
  if (!target) return { points: [], framework: { id: '', version: '', title: '' }, ratings: [], rows: [], notes: [l.t('trend.note.none')] };
  const targetWords = sides.at(-1)!.words ?? target;
  const notes = new Set<string>();
  const maps = sides.map((s) => {
    const m = mappingBetween(s.framework, target, l);
    m.notes.forEach((n) => notes.add(n));
    return pairings(m, s.framework, target);
  });

  const rows: TrendRow[] = target.benchmarks.map((b) => {
    const ps = maps.map((list) => list.find((p) => p.newId === b.id));
    return {
      benchmark: { id: b.id, number: b.number, title: benchmarkTitle(targetWords, b.id, b.title), framework: target.id },
      cells: sides.map((s, i) => cellFor(s, ps[i], target, l)),
      comparisons: [...new Set(ps.flatMap((p) => (p && p.comparison !== 'same' ? [p.comparison] : [])))],
      likeForLike: true,
    };
  });
  // Old benchmarks with no successor keep a row of their own, empty from the change on.
  const seen = new Set<string>();
  sides.forEach((s, i) => {
    for (const p of maps[i]!.filter((x) => x.comparison === 'unmapped')) {
      const key = `${s.framework.id}/${p.oldIds[0]}`;
      const b = s.framework.benchmarks.find((x) => x.id === p.oldIds[0]);
      if (seen.has(key) || !b) continue;
      seen.add(key);
      rows.push({
        benchmark: { id: b.id, number: b.number, title: benchmarkTitle(s.words ?? s.framework, b.id, b.title), framework: s.framework.id },
        cells: sides.map((t, j) => (t.framework.id === s.framework.id ? cellFor(t, maps[j]!.find((x) => x.comparison === 'unmapped' && x.oldIds[0] === b.id), target, l) : null)),
        comparisons: ['unmapped'],
        likeForLike: false,
      });
    }
  });
  for (const row of rows) {
    row.likeForLike &&= row.comparisons.every((c) => c === 'mapped') && row.cells.every((c) => !c?.parts);
    if (!row.likeForLike) row.note = rowNote(row, sides, maps, target, l);
    row.cells.forEach((c, i) => {
      const prev = row.cells[i - 1];
      if (c && prev) c.direction = directionOf(rankIn(target, prev.rating), rankIn(target, c.rating));
    });
  }
  const authorities = [...new Set(sides.map((s) => s.assessment.authority))];
  if (authorities.length > 1) notes.add(l.t('diff.note.authorities', { list: authorities.join(', ') }));
  return {
    points: sides.map((s) => ({
      ...(s.file !== undefined ? { file: s.file } : {}),
      authority: s.assessment.authority,
      period: s.assessment.period,
      date: s.assessment.date,
      framework: { id: s.framework.id, version: s.framework.version },
      counts: countRatings(s.framework, s.ratings),
    })),
    framework: { id: target.id, version: target.version, title: targetWords.title },
    ratings: target.ratings.map((r) => ({ id: r.id, label: label(targetWords, r.id, l), colour: r.colour })),
    rows,
    notes: [...notes],
  };
}
