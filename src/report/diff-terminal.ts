// `diff` and `trend` for a terminal: the words always there, colour only as an extra.
import { boxTable, fitColumns, fitLine, naturalWidth } from './box.js';
import { countsLine, directionText, fromNote, hasNews, notLikeForLike, questionSetLine, rowName, shownQuestions, summaryLine } from '../diff/describe.js';
import type { Trend } from '../diff/trend.js';
import type { AssessmentDiff, Direction } from '../diff/types.js';
import type { Paint } from './terminal.js';
import { clean, ours, plainLine, type Term } from '../outside.js';
import { messages, type Messages } from '../i18n/catalogue.js';

/** Improvements take the top rating's colour and declines the bottom one's. */
function paintDirection(ratings: { id: string }[], paint: Paint, d: Direction, text: string): string {
  if (d === 'improved') return paint(ratings.at(-1)?.id ?? '', text);
  if (d === 'declined') return paint(ratings[0]?.id ?? '', text);
  return text;
}

export function renderDiffText(d: AssessmentDiff, paint: Paint, width: number, l: Messages = messages()): Term {
  const { t, date } = l;
  const rows = d.rows.map((r) => {
    const note = fromNote(r, d, l);
    const why = r.causes.map((c) => clean(c.kind === 'agreed' && c.rationale ? t('summary.rationale', { text: c.text, rationale: c.rationale }) : c.text)).join('\n');
    return [
      r.benchmark ? String(r.benchmark.number) : '—',
      clean(rowName(r, l).replace(/^\d+\. /, '') + (note ? ` (${note})` : '')),
      r.before ? clean(r.before.label) : '—',
      r.after ? clean(r.after.label) : '—',
      directionText(r.direction, l),
      why || '—',
    ];
  });
  const head = [t('report.col.number'), t('report.col.benchmark'), t('diff.col.before'), t('diff.col.after'), t('report.col.change'), t('diff.col.why')];
  const natural = (c: number) => naturalWidth([head[c]!, ...rows.map((r) => r[c]!)]);
  // Short words take what they need; the benchmark and the causes share the rest, 1 : 2.
  const widths = fitColumns(width, [
    { min: 2, natural: natural(0) },
    { min: 12, natural: natural(1), weight: 1 },
    { min: 7, natural: Math.min(16, natural(2)) },
    { min: 7, natural: Math.min(16, natural(3)) },
    { min: 10, natural: Math.min(11, natural(4)) },
    { min: 16, natural: natural(5), weight: 2 },
  ]);
  // Colour goes on after wrapping, line by line, so that it never spans a border.
  const table = boxTable(head, rows, widths, (i, c, line) => {
    const r = d.rows[i];
    if (!r || !line) return line;
    if (c === 2 && r.before) return paint(r.before.rating, line);
    if (c === 3 && r.after) return paint(r.after.rating, line);
    if (c === 4) return paintDirection(d.ratings, paint, r.direction, line);
    return line;
  });
  const who = d.old.authority === d.new.authority ? plainLine(d.new.authority) : `${plainLine(d.old.authority)} → ${plainLine(d.new.authority)}`;
  const side = (s: AssessmentDiff['old']) => `${plainLine(s.period)} (${date(s.date)}, ${plainLine(`${s.framework.id} ${s.framework.version}`)})`;
  const out = [`${who}: ${side(d.old)} → ${side(d.new)}`, table];
  // "Before:" and "After:" padded to one width, so the counts line up.
  const [before, after] = [t('diff.before'), t('diff.after')];
  const pad = Math.max(before.length, after.length);
  out.push(`${before.padEnd(pad)} ${countsLine(d.old.counts, d.ratings, l, plainLine, paint)}`, `${after.padEnd(pad)} ${countsLine(d.new.counts, d.ratings, l, plainLine, paint)}`, `${t('diff.change')} ${summaryLine(d, l)}`);

  const odd = notLikeForLike(d, l);
  if (odd.length || !d.sameFramework) out.push('', t('diff.notLikeForLike.colon'), ...odd.map((x) => `  - ${plainLine(x)}`), `  - ${plainLine(questionSetLine(d, l))}`);
  if (d.notes.length) out.push('', t('diff.notes'), ...d.notes.map((n) => `  - ${plainLine(n)}`));

  const answered = d.rows.filter((r) => shownQuestions(r).shown.length);
  if (answered.length) {
    out.push('', t('diff.text.answersChanged'));
    for (const r of answered) {
      const { shown, evidenceOnly } = shownQuestions(r);
      out.push(`  ${plainLine(rowName(r, l))}`);
      for (const q of shown) out.push(`    ${q.decisive ? '*' : '-'} ${plainLine(q.text)}`);
      if (evidenceOnly) out.push(`    ${t('diff.text.evidenceOnly', { count: evidenceOnly })}`);
    }
  } else if (!d.rows.some(hasNews)) out.push('', t('diff.noChanges'));
  return ours(`${out.map((l) => (l === table ? l : fitLine(l, width))).join('\n')}\n`);
}

/**
 * What a trend table `width` wide has left once its two first columns take `first` (together)
 * and `shown` assessments take theirs at their narrowest: borders and padding take 3 columns a
 * column, and 1 more; each assessment 10 at least (13 with its border). One sum for both
 * shownPoints and the benchmark column's least width in renderTrendText.
 */
const spare = (width: number, first: number, shown: number): number => width - 3 * 2 - 1 - first - 13 * shown;

/** Narrower than this a benchmark name wraps a word or two a line: kept when assessments are left out. */
const READABLE = 20;

/**
 * How many of the newest assessments get a column: all of them when every column fits at its
 * narrowest (as the table always was), else as many as fit beside the number and a readable
 * benchmark column, and at least one. `numberWidth` and `benchmark` are those columns' natural widths.
 */
export function shownPoints(count: number, width: number, numberWidth: number, benchmark: number): number {
  const fit = (first: number, second: number) => Math.floor(spare(width, first + second, 0) / 13);
  if (fit(2, 12) >= count) return count;
  return Math.max(1, Math.min(count - 1, fit(numberWidth, Math.max(12, Math.min(READABLE, benchmark)))));
}

export function renderTrendText(t: Trend, paint: Paint, width: number, l: Messages = messages()): Term {
  const rowsAll = t.rows.map((r) => {
    const own = r.benchmark.framework === t.framework.id;
    return [own ? String(r.benchmark.number) : '—', clean(r.benchmark.title + (own ? '' : ` (${l.t('trend.noSuccessor', { id: r.benchmark.framework })})`))];
  });
  const fixed = (c: number) => naturalWidth([c ? l.t('report.col.benchmark') : l.t('report.col.number'), ...rowsAll.map((r) => r[c]!)]);
  // More assessments than fit: the newest, whose columns an officer reads first; the rest are
  // named under the table. Every line wider than the terminal would wrap and break the table.
  const shown = shownPoints(t.points.length, width, fixed(0), fixed(1));
  const skip = t.points.length - shown;
  const points = t.points.slice(skip);
  const rows = t.rows.map((r, i) => {
    const cells = r.cells.slice(skip).map((c) => {
      if (!c) return '—';
      const word = c.parts ? `${c.parts.map((p) => clean(p.label)).join(' / ')} *` : clean(c.label);
      return c.direction === 'improved' || c.direction === 'declined' ? `${word} ${c.direction === 'improved' ? '↑' : '↓'}` : word;
    });
    return [...rowsAll[i]!, ...cells];
  });
  const head = [l.t('report.col.number'), l.t('report.col.benchmark'), ...points.map((p) => `${clean(p.period)}\n${p.date}`)];
  const natural = (c: number) => naturalWidth([head[c]!, ...rows.map((r) => r[c]!)]);
  // Each assessment's column takes what its words need (a date at least); the benchmark the rest.
  // Left with some out, the benchmark keeps a readable width, or what one assessment leaves it.
  const left = spare(width, natural(0), shown);
  const benchmarkMin = skip ? Math.max(12, Math.min(READABLE, natural(1), left)) : 12;
  const widths = fitColumns(width, [{ min: 2, natural: natural(0) }, { min: benchmarkMin, natural: natural(1), weight: 1 }, ...points.map((_, i) => ({ min: 10, natural: Math.min(22, natural(i + 2)) }))]);
  // Colour goes on after wrapping, line by line: a rating word in its colour (a merged cell in
  // its lowest), the arrow in the direction's.
  const table = boxTable(head, rows, widths, (r, c, line) => {
    const cell = c >= 2 ? t.rows[r]?.cells[skip + c - 2] : undefined;
    if (!cell || !line) return line;
    const [, word, arrow] = /^(.*?)( [↑↓])?$/.exec(line)!;
    return `${word ? paint(cell.rating, word) : ''}${arrow ? ` ${paintDirection(t.ratings, paint, cell.direction!, arrow.trim())}` : ''}`;
  });
  const out = [`${plainLine(`${t.framework.title} (${t.framework.id} ${t.framework.version})`)}; ${l.t('trend.text.key')}`, table];
  if (skip) {
    // Named by period, and by date too where the periods alone would not tell them apart.
    const [first, last] = [t.points[0]!, t.points[skip - 1]!];
    const same = skip > 1 && first.period === last.period;
    const name = (p: typeof first) => plainLine(same ? `${p.period} (${p.date})` : p.period);
    out.push(l.t('width.trend.leftOut', { left: skip, from: name(first), to: name(last), all: t.points.length.toLocaleString('en-GB') }));
  }
  for (const p of t.points) out.push(`${plainLine(`${p.period} (${p.framework.id})`)}: ${countsLine(p.counts, t.ratings, l, plainLine, paint)}`);
  if (t.rows.some((r) => r.cells.some((c) => c?.parts))) out.push(`* ${l.t('trend.text.merged')}`);
  const odd = t.rows.filter((r) => !r.likeForLike);
  if (odd.length) out.push('', l.t('diff.notLikeForLike.colon'), ...odd.map((r) => `  - ${plainLine(r.benchmark.title)}: ${plainLine(r.note ?? '')}`));
  if (t.notes.length) out.push('', l.t('diff.notes'), ...t.notes.map((n) => `  - ${plainLine(n)}`));
  return ours(`${out.map((l) => (l === table ? l : fitLine(l, width))).join('\n')}\n`);
}
