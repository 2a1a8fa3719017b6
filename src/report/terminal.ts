// The RAG table for a terminal: the rating word always shown, colour only as an extra.
import { clean, ours, plainLine, type Term } from '../outside.js';
import { boxTable, fitColumns, fitLine, naturalWidth } from './box.js';
import type { ReportModel } from './model.js';
import { messages } from '../i18n/catalogue.js';
import { countsLine } from '../diff/describe.js';

export type Paint = (ratingId: string, text: string) => string;

export function renderRateTable(m: ReportModel, paint: Paint, width: number): Term {
  const l = messages(m.lang);
  const { t, date } = l;
  const head = [t('report.col.number'), t('report.col.benchmark'), t('report.col.rating'), t('report.col.basis'), t('report.col.reason')];
  // The basis in lower case, as a word in a sentence: "agreed", "computed".
  const basis = (b: (typeof m.benchmarks)[number]) => {
    const word = t(b.ratingBasis === 'agreed' ? 'basis.agreed' : 'basis.computed').toLocaleLowerCase(m.lang);
    // A benchmark with an unsettled question is marked: its rating may change once the group settles it.
    return b.unsettled ? `${word}${t('list.separator')}${t('rate.unsettled', { count: b.unsettled })}` : word;
  };
  const rows = m.benchmarks.map((b) => [String(b.number), clean(b.title), clean(b.ratingLabel), basis(b), clean(b.reason)]);
  const natural = (c: number) => naturalWidth([head[c]!, ...rows.map((r) => r[c]!)]);
  // Short words take what they need; the benchmark and the reason share the rest, 1 : 2.
  const widths = fitColumns(width, [
    { min: 2, natural: natural(0) },
    { min: 12, natural: natural(1), weight: 1 },
    { min: 7, natural: Math.min(16, natural(2)) },
    { min: 8, natural: natural(3) },
    { min: 16, natural: natural(4), weight: 2 },
  ]);
  // Paint each wrapped line of a rating, so colour never runs into the border.
  const table = boxTable(head, rows, widths, (r, c, line) => (r >= 0 && c === 2 && line ? paint(m.benchmarks[r]!.rating, line) : line));
  const from = m.contributor ? `${t('rate.contribution', { organisation: plainLine(m.contributor.organisation) })}${t('list.separator')}` : '';
  const title = `${from}${plainLine(m.authority)} · ${plainLine(m.period)} · ${t('rate.agreed', { date: date(m.date) })} · ${plainLine(m.marking)}`;
  // Every piece from the files went through clean (in a cell) or plainLine (on a line of ours,
  // where a line break would forge a line): the whole is fit for a terminal.
  return ours(`${fitLine(title, width)}\n${table}\n${fitLine(countsLine(m.counts, m.ratings, l, plainLine, paint), width)}\n`);
}
