// `diff` and `trend` for a terminal: the words always there, colour only as an extra.
import { boxTable } from './box.js';
import { directionText, fromNote, hasNews, notLikeForLike, questionSetLine, rowName, shownQuestions, summaryLine } from '../diff/describe.js';
import type { Trend } from '../diff/trend.js';
import type { AssessmentDiff, Direction } from '../diff/types.js';
import type { Paint } from './terminal.js';
import { ours, type Term } from '../outside.js';
import { clean, longDate } from './text.js';

/** Improvements take the top rating's colour and declines the bottom one's. */
function paintDirection(ratings: { id: string }[], paint: Paint, d: Direction, text = directionText(d)): string {
  if (d === 'improved') return paint(ratings.at(-1)?.id ?? '', text);
  if (d === 'declined') return paint(ratings[0]?.id ?? '', text);
  return text;
}

/** "3 Green · 5 Amber · 2 Red · 0 Not yet rated", each part in its colour. */
const counts = (c: Record<string, number>, ratings: { id: string; label: string }[], paint: Paint) =>
  [...[...ratings].reverse().map((r) => paint(r.id, `${c[r.id] ?? 0} ${clean(r.label)}`)), paint('unrated', `${c.unrated ?? 0} Not yet rated`)].join(' · ');

export function renderDiffText(d: AssessmentDiff, paint: Paint, width: number): Term {
  const whyWidth = Math.max(30, width - 4 - 28 - 15 - 15 - 19 - 7);
  const rows = d.rows.map((r) => {
    const note = fromNote(r, d);
    const why = r.causes.map((c) => clean(c.kind === 'agreed' && c.rationale ? `${c.text}. Rationale: ${c.rationale}` : c.text)).join('\n');
    return [
      r.benchmark ? String(r.benchmark.number) : '—',
      clean(rowName(r).replace(/^\d+\. /, '') + (note ? ` (${note})` : '')),
      r.before ? clean(r.before.label) : '—',
      r.after ? clean(r.after.label) : '—',
      directionText(r.direction),
      why || '—',
    ];
  });
  // Colour goes on after wrapping, line by line, so that it never spans a border.
  const table = boxTable(['#', 'Benchmark', 'Before', 'After', 'Change', 'Why'], rows, [2, 26, 13, 13, 17, whyWidth - 2], (i, c, line) => {
    const r = d.rows[i];
    if (!r || !line) return line;
    if (c === 2 && r.before) return paint(r.before.rating, line);
    if (c === 3 && r.after) return paint(r.after.rating, line);
    if (c === 4) return paintDirection(d.ratings, paint, r.direction, line);
    return line;
  });
  const who = d.old.authority === d.new.authority ? clean(d.new.authority) : `${clean(d.old.authority)} → ${clean(d.new.authority)}`;
  const side = (s: AssessmentDiff['old']) => `${clean(s.period)} (${longDate(s.date)}, ${clean(`${s.framework.id} ${s.framework.version}`)})`;
  const out = [`${who}: ${side(d.old)} → ${side(d.new)}`, table];
  out.push(`Before: ${counts(d.old.counts, d.ratings, paint)}`, `After:  ${counts(d.new.counts, d.ratings, paint)}`, `Change: ${summaryLine(d)}`);

  const odd = notLikeForLike(d);
  if (odd.length || !d.sameFramework) out.push('', 'Not like-for-like:', ...odd.map((l) => `  - ${clean(l)}`), `  - ${clean(questionSetLine(d))}`);
  if (d.notes.length) out.push('', 'Notes:', ...d.notes.map((n) => `  - ${clean(n)}`));

  const answered = d.rows.filter((r) => shownQuestions(r).shown.length);
  if (answered.length) {
    out.push('', 'Answers changed (* moved the rating):');
    for (const r of answered) {
      const { shown, evidenceOnly } = shownQuestions(r);
      out.push(`  ${clean(rowName(r))}`);
      for (const q of shown) out.push(`    ${q.decisive ? '*' : '-'} ${clean(q.text)}`);
      if (evidenceOnly) out.push(`    (${evidenceOnly} more unchanged apart from the evidence)`);
    }
  } else if (!d.rows.some(hasNews)) out.push('', 'No changes: every benchmark has the same rating and the same answers.');
  return ours(`${out.join('\n')}\n`);
}

export function renderTrendText(t: Trend, paint: Paint, width: number): Term {
  const colWidth = Math.max(14, Math.min(22, Math.floor((width - 4 - 34 - 2) / Math.max(1, t.points.length)) - 1));
  const rows = t.rows.map((r) => {
    const own = r.benchmark.framework === t.framework.id;
    const cells = r.cells.map((c) => {
      if (!c) return '—';
      const word = c.parts ? c.parts.map((p) => paint(p.rating, clean(p.label))).join(' / ') + ' *' : paint(c.rating, clean(c.label));
      return c.direction === 'improved' || c.direction === 'declined' ? `${word} ${paintDirection(t.ratings, paint, c.direction, c.direction === 'improved' ? '↑' : '↓')}` : word;
    });
    return [own ? String(r.benchmark.number) : '—', clean(r.benchmark.title + (own ? '' : ` (${r.benchmark.framework}; no successor)`)), ...cells];
  });
  // Cells are short rating words, so colour put on before wrapping never spans a line.
  const head = ['#', 'Benchmark', ...t.points.map((p) => `${clean(p.period)}\n${p.date}`)];
  const table = boxTable(head, rows, [2, 32, ...t.points.map(() => colWidth - 2)]);
  const out = [`${clean(`${t.framework.title} (${t.framework.id} ${t.framework.version})`)}; ↑ improved, ↓ declined since the previous assessment`, table];
  for (const p of t.points) out.push(`${clean(`${p.period} (${p.framework.id})`)}: ${counts(p.counts, t.ratings, paint)}`);
  if (t.rows.some((r) => r.cells.some((c) => c?.parts))) out.push('* several benchmarks of an earlier framework, in the order given below; the change is measured from the lowest');
  const odd = t.rows.filter((r) => !r.likeForLike);
  if (odd.length) out.push('', 'Not like-for-like:', ...odd.map((r) => `  - ${clean(r.benchmark.title)}: ${clean(r.note ?? '')}`));
  if (t.notes.length) out.push('', 'Notes:', ...t.notes.map((n) => `  - ${clean(n)}`));
  return ours(`${out.join('\n')}\n`);
}
