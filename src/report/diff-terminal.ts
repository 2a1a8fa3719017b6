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

export function renderTrendText(t: Trend, paint: Paint, width: number, l: Messages = messages()): Term {
  const rows = t.rows.map((r) => {
    const own = r.benchmark.framework === t.framework.id;
    const cells = r.cells.map((c) => {
      if (!c) return '—';
      const word = c.parts ? `${c.parts.map((p) => clean(p.label)).join(' / ')} *` : clean(c.label);
      return c.direction === 'improved' || c.direction === 'declined' ? `${word} ${c.direction === 'improved' ? '↑' : '↓'}` : word;
    });
    return [own ? String(r.benchmark.number) : '—', clean(r.benchmark.title + (own ? '' : ` (${l.t('trend.noSuccessor', { id: r.benchmark.framework })})`)), ...cells];
  });
  const head = [l.t('report.col.number'), l.t('report.col.benchmark'), ...t.points.map((p) => `${clean(p.period)}\n${p.date}`)];
  const natural = (c: number) => naturalWidth([head[c]!, ...rows.map((r) => r[c]!)]);
  // Each assessment's column takes what its words need (a date at least); the benchmark the rest.
  const widths = fitColumns(width, [{ min: 2, natural: natural(0) }, { min: 12, natural: natural(1), weight: 1 }, ...t.points.map((_, i) => ({ min: 10, natural: Math.min(22, natural(i + 2)) }))]);
  // Colour goes on after wrapping, line by line: a rating word in its colour (a merged cell in
  // its lowest), the arrow in the direction's.
  const table = boxTable(head, rows, widths, (r, c, line) => {
    const cell = c >= 2 ? t.rows[r]?.cells[c - 2] : undefined;
    if (!cell || !line) return line;
    const [, word, arrow] = /^(.*?)( [↑↓])?$/.exec(line)!;
    return `${word ? paint(cell.rating, word) : ''}${arrow ? ` ${paintDirection(t.ratings, paint, cell.direction!, arrow.trim())}` : ''}`;
  });
  const out = [`${plainLine(`${t.framework.title} (${t.framework.id} ${t.framework.version})`)}; ${l.t('trend.text.key')}`, table];
  for (const p of t.points) out.push(`${plainLine(`${p.period} (${p.framework.id})`)}: ${countsLine(p.counts, t.ratings, l, plainLine, paint)}`);
  if (t.rows.some((r) => r.cells.some((c) => c?.parts))) out.push(`* ${l.t('trend.text.merged')}`);
  const odd = t.rows.filter((r) => !r.likeForLike);
  if (odd.length) out.push('', l.t('diff.notLikeForLike.colon'), ...odd.map((r) => `  - ${plainLine(r.benchmark.title)}: ${plainLine(r.note ?? '')}`));
  if (t.notes.length) out.push('', l.t('diff.notes'), ...t.notes.map((n) => `  - ${plainLine(n)}`));
  return ours(`${out.map((l) => (l === table ? l : fitLine(l, width))).join('\n')}\n`);
}
