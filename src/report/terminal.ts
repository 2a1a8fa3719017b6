// The RAG table for a terminal: the rating word always shown, colour only as an extra.
import Table from 'cli-table3';
import type { ReportModel } from './model.js';
import { clean, longDate } from './text.js';

export type Paint = (ratingId: string, text: string) => string;

export function renderRateTable(m: ReportModel, paint: Paint, width: number): string {
  const reasonWidth = Math.max(30, width - 4 - 30 - 15 - 10 - 8);
  const table = new Table({
    head: ['#', 'Benchmark', 'Rating', 'Basis', 'Reason'],
    colWidths: [4, 30, 15, 10, reasonWidth],
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [] },
  });
  for (const b of m.benchmarks) {
    table.push([String(b.number), b.title, paint(b.rating, b.ratingLabel), b.ratingBasis, clean(b.reason)]);
  }
  const counts = [...m.ratings].reverse().map((r) => paint(r.id, `${m.counts[r.id] ?? 0} ${r.label}`));
  counts.push(paint('unrated', `${m.counts.unrated ?? 0} Not yet rated`));
  const head = `${clean(m.authority)} · ${clean(m.period)} · agreed ${longDate(m.date)} · ${clean(m.marking)}`;
  return `${head}\n${table.toString()}\n${counts.join(' · ')}\n`;
}
