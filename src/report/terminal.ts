// The RAG table for a terminal: the rating word always shown, colour only as an extra.
import { boxTable } from './box.js';
import type { ReportModel } from './model.js';
import { ours, type Term } from '../outside.js';
import { clean, longDate } from './text.js';

export type Paint = (ratingId: string, text: string) => string;

export function renderRateTable(m: ReportModel, paint: Paint, width: number): Term {
  const reasonWidth = Math.max(30, width - 4 - 30 - 15 - 10 - 8);
  const rows = m.benchmarks.map((b) => [String(b.number), clean(b.title), clean(b.ratingLabel), b.ratingBasis, clean(b.reason)]);
  // Paint each wrapped line of a rating, so colour never runs into the border.
  const table = boxTable(['#', 'Benchmark', 'Rating', 'Basis', 'Reason'], rows, [2, 28, 13, 8, reasonWidth - 2], (r, c, line) =>
    r >= 0 && c === 2 && line ? paint(m.benchmarks[r]!.rating, line) : line,
  );
  const counts = [...m.ratings].reverse().map((r) => paint(r.id, `${m.counts[r.id] ?? 0} ${clean(r.label)}`));
  counts.push(paint('unrated', `${m.counts.unrated ?? 0} Not yet rated`));
  const head = `${clean(m.authority)} · ${clean(m.period)} · agreed ${longDate(m.date)} · ${clean(m.marking)}`;
  // Every piece from the files went through clean: the whole is fit for a terminal.
  return ours(`${head}\n${table}\n${counts.join(' · ')}\n`);
}
