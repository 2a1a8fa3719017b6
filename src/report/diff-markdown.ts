// GitHub-flavoured Markdown for `diff` and `trend`: for a pull request comment or a CI step
// summary. Every piece of user or framework text goes through `inline` or `cell`.
import { countsLine, directionText, fromNote, hasNews, notLikeForLike, questionSetLine, rowName, shownQuestions, summaryLine } from '../diff/describe.js';
import type { Trend, TrendCell } from '../diff/trend.js';
import type { AssessmentDiff, BenchmarkChange, Cause } from '../diff/types.js';
import { cell, inline } from './markdown.js';
import { ours, type Term } from '../outside.js';
import { longDate } from './text.js';

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function causeLines(c: Cause, withRationale = true): string[] {
  const lines = [`- ${inline(c.text)}`];
  if (c.kind === 'agreed' && c.rationale && withRationale) lines.push(`  - Rationale: ${inline(c.rationale)}`);
  return lines;
}

function rowSection(r: BenchmarkChange): string[] {
  const move = r.before && r.after && r.before.label !== r.after.label ? `${inline(r.before.label)} → ${inline(r.after.label)}` : inline((r.after ?? r.before)?.label ?? '—');
  const out = [`#### ${inline(rowName(r))}: ${move} (${r.direction})`, ''];
  for (const c of r.causes) out.push(...causeLines(c));
  if (r.causes.length) out.push('');
  const { shown, evidenceOnly } = shownQuestions(r);
  if (shown.length) {
    out.push(`<details><summary>Answers changed (${shown.length})</summary>`, '');
    for (const q of shown) out.push(`- ${inline(q.text)}${q.decisive ? ' — *moved the rating*' : ''}`);
    out.push('', '</details>', '');
  }
  if (evidenceOnly) out.push(`${evidenceOnly} more answer${evidenceOnly === 1 ? '' : 's'} unchanged apart from the evidence.`, '');
  return out;
}

const side = (s: AssessmentDiff['old']) => `**${inline(s.period)}** (${longDate(s.date)})`;

export function renderDiffMarkdown(d: AssessmentDiff): Term {
  const out: string[] = [];
  const who = d.old.authority === d.new.authority ? inline(d.new.authority) : `${inline(d.old.authority)} → ${inline(d.new.authority)}`;
  out.push(`## Prevent self-assessment: what changed, ${who}`, '');
  const fw = (s: AssessmentDiff['old']) => `${inline(s.framework.id)} ${inline(s.framework.version)}`;
  const frameworks = d.sameFramework && d.old.framework.version === d.new.framework.version ? fw(d.new) : `${fw(d.old)} → ${fw(d.new)}`;
  out.push(`${side(d.old)} → ${side(d.new)} · framework ${frameworks}`, '');

  const rows = d.rows.map((r) => {
    const note = fromNote(r, d);
    return [
      r.benchmark ? String(r.benchmark.number) : '—',
      `${inline(rowName(r).replace(/^\d+\. /, ''))}${note ? `<br>*${inline(note)}*` : ''}`,
      r.before ? inline(r.before.label) : '—',
      r.after ? `**${inline(r.after.label)}**` : '—',
      directionText(r.direction),
    ];
  });
  out.push(table(['#', 'Benchmark', 'Before', 'After', 'Change'], rows), '');
  out.push(`**Ratings before:** ${inline(countsLine(d.old.counts, d.ratings))}  `, `**Ratings after:** ${inline(countsLine(d.new.counts, d.ratings))}`, '');
  out.push(`**Change:** ${summaryLine(d)}`, '');

  const odd = notLikeForLike(d);
  if (odd.length || !d.sameFramework) {
    out.push('### Not like-for-like', '');
    for (const line of odd) out.push(`- ${inline(line)}`);
    out.push(`- ${inline(questionSetLine(d))}`, '');
  }
  if (d.notes.length) out.push('**Notes:**', '', ...d.notes.map((n) => `- ${inline(n)}`), '');

  const news = d.rows.filter(hasNews);
  out.push('### What changed and why', '');
  if (!news.length) out.push('No changes: every benchmark has the same rating and the same answers.', '');
  for (const r of news) out.push(...rowSection(r));
  return ours(`${out.join('\n').trimEnd()}\n`);
}

function trendCell(c: TrendCell | null): string {
  if (!c) return '—';
  const word = c.parts ? `${c.parts.map((p) => inline(p.label)).join(' / ')}\\*` : inline(c.label);
  return c.direction === 'improved' || c.direction === 'declined' ? `${word} ${directionText(c.direction).slice(0, 1)}` : word;
}

export function renderTrendMarkdown(t: Trend): Term {
  const out: string[] = [];
  const authorities = [...new Set(t.points.map((p) => p.authority))].map(inline).join(', ');
  out.push(`## Prevent self-assessment ratings over time: ${authorities}`, '');
  out.push(`Rows follow ${inline(t.framework.title)} (${inline(t.framework.id)} ${inline(t.framework.version)}); ↑ improved and ↓ declined are against the previous assessment.`, '');
  const head = ['#', 'Benchmark', ...t.points.map((p) => `${inline(p.period)}<br>${longDate(p.date)}`)];
  const rows = t.rows.map((r) => [
    r.benchmark.framework === t.framework.id ? String(r.benchmark.number) : '—',
    `${inline(r.benchmark.title)}${r.benchmark.framework === t.framework.id ? '' : `<br>*${inline(r.benchmark.framework)}; no successor*`}`,
    ...r.cells.map(trendCell),
  ]);
  out.push(table(head, rows), '');
  const counts = t.points.map((p) => [`${inline(p.period)}`, cell(countsLine(p.counts, t.ratings)), inline(`${p.framework.id} ${p.framework.version}`)]);
  out.push(table(['Assessment', 'Ratings', 'Framework'], counts), '');
  const merged = t.rows.filter((r) => r.cells.some((c) => c?.parts));
  if (merged.length) out.push('\\* Several benchmarks of an earlier framework, in the order given below; the change is measured from the lowest of them.', '');
  const odd = t.rows.filter((r) => !r.likeForLike).map((r) => `${inline(r.benchmark.title)}: ${inline(r.note ?? '')}`);
  if (odd.length) out.push('### Not like-for-like', '', ...odd.map((l) => `- ${l}`), '');
  if (t.notes.length) out.push('**Notes:**', '', ...t.notes.map((n) => `- ${inline(n)}`), '');
  return ours(`${out.join('\n').trimEnd()}\n`);
}
