// GitHub-flavoured Markdown for `diff` and `trend`: for a pull request comment or a CI step
// summary. Every piece of user or framework text goes through `inline` or `cell`.
import { countsLine, directionText, fromNote, hasNews, notLikeForLike, questionSetLine, rowName, shownQuestions, summaryLine } from '../diff/describe.js';
import type { Trend, TrendCell } from '../diff/trend.js';
import type { AssessmentDiff, BenchmarkChange, Cause } from '../diff/types.js';
import { cell, inline, table } from './markdown.js';
import { ours, type Term } from '../outside.js';
import { messages, type Messages } from '../i18n/catalogue.js';

export function causeLines(c: Cause, withRationale = true, l: Messages = messages()): string[] {
  const lines = [`- ${inline(c.text)}`];
  if (c.kind === 'agreed' && c.rationale && withRationale) lines.push(`  - ${l.t('diff.rationale')} ${inline(c.rationale)}`);
  return lines;
}

function rowSection(r: BenchmarkChange, l: Messages): string[] {
  const { t } = l;
  const move = r.before && r.after && r.before.label !== r.after.label ? `${inline(r.before.label)} → ${inline(r.after.label)}` : inline((r.after ?? r.before)?.label ?? '—');
  const out = [`#### ${inline(rowName(r, l))}: ${move} (${t(DIRECTION[r.direction])})`, ''];
  for (const c of r.causes) out.push(...causeLines(c, true, l));
  if (r.causes.length) out.push('');
  const { shown, evidenceOnly } = shownQuestions(r);
  if (shown.length) {
    out.push(`<details><summary>${t('diff.md.answersChanged', { count: shown.length })}</summary>`, '');
    for (const q of shown) out.push(`- ${inline(q.text)}${q.decisive ? ` — *${t('diff.md.moved')}*` : ''}`);
    out.push('', '</details>', '');
  }
  if (evidenceOnly) out.push(t('diff.md.evidenceOnly', { count: evidenceOnly }), '');
  return out;
}

const DIRECTION = { improved: 'direction.improved', declined: 'direction.declined', unchanged: 'direction.unchanged', 'newly rated': 'direction.newlyRated', 'no longer rated': 'direction.noLongerRated' } as const;

export function renderDiffMarkdown(d: AssessmentDiff, l: Messages = messages()): Term {
  const { t, date } = l;
  const side = (s: AssessmentDiff['old']) => `**${inline(s.period)}** (${date(s.date)})`;
  const out: string[] = [];
  const who = d.old.authority === d.new.authority ? inline(d.new.authority) : `${inline(d.old.authority)} → ${inline(d.new.authority)}`;
  out.push(`## ${t('diff.md.title', { who })}`, '');
  const fw = (s: AssessmentDiff['old']) => `${inline(s.framework.id)} ${inline(s.framework.version)}`;
  const frameworks = d.sameFramework && d.old.framework.version === d.new.framework.version ? fw(d.new) : `${fw(d.old)} → ${fw(d.new)}`;
  out.push(`${side(d.old)} → ${side(d.new)} · ${t('diff.md.framework', { frameworks })}`, '');

  const rows = d.rows.map((r) => {
    const note = fromNote(r, d, l);
    return [
      r.benchmark ? String(r.benchmark.number) : '—',
      `${inline(rowName(r, l).replace(/^\d+\. /, ''))}${note ? `<br>*${inline(note)}*` : ''}`,
      r.before ? inline(r.before.label) : '—',
      r.after ? `**${inline(r.after.label)}**` : '—',
      directionText(r.direction, l),
    ];
  });
  out.push(table([t('report.col.number'), t('report.col.benchmark'), t('diff.col.before'), t('diff.col.after'), t('report.col.change')], rows), '');
  out.push(`**${t('diff.ratingsBefore')}** ${inline(countsLine(d.old.counts, d.ratings, l))}  `, `**${t('diff.ratingsAfter')}** ${inline(countsLine(d.new.counts, d.ratings, l))}`, '');
  out.push(`**${t('diff.change')}** ${summaryLine(d, l)}`, '');

  const odd = notLikeForLike(d, l);
  if (odd.length || !d.sameFramework) {
    out.push(`### ${t('diff.notLikeForLike')}`, '');
    for (const line of odd) out.push(`- ${inline(line)}`);
    out.push(`- ${inline(questionSetLine(d, l))}`, '');
  }
  if (d.notes.length) out.push(`**${t('diff.notes')}**`, '', ...d.notes.map((n) => `- ${inline(n)}`), '');

  const news = d.rows.filter(hasNews);
  out.push(`### ${t('diff.md.whatChanged')}`, '');
  if (!news.length) out.push(t('diff.noChanges'), '');
  for (const r of news) out.push(...rowSection(r, l));
  return ours(`${out.join('\n').trimEnd()}\n`);
}

function trendCell(c: TrendCell | null, l: Messages): string {
  if (!c) return '—';
  const word = c.parts ? `${c.parts.map((p) => inline(p.label)).join(' / ')}\\*` : inline(c.label);
  return c.direction === 'improved' || c.direction === 'declined' ? `${word} ${directionText(c.direction, l).slice(0, 1)}` : word;
}

export function renderTrendMarkdown(tr: Trend, l: Messages = messages()): Term {
  const { t, date } = l;
  const out: string[] = [];
  const authorities = [...new Set(tr.points.map((p) => p.authority))].map(inline).join(', ');
  out.push(`## ${t('trend.md.title', { authorities })}`, '');
  out.push(t('trend.md.intro', { title: inline(tr.framework.title), id: inline(tr.framework.id), version: inline(tr.framework.version) }), '');
  const head = [t('report.col.number'), t('report.col.benchmark'), ...tr.points.map((p) => `${inline(p.period)}<br>${date(p.date)}`)];
  const rows = tr.rows.map((r) => [
    r.benchmark.framework === tr.framework.id ? String(r.benchmark.number) : '—',
    `${inline(r.benchmark.title)}${r.benchmark.framework === tr.framework.id ? '' : `<br>*${t('trend.noSuccessor', { id: inline(r.benchmark.framework) })}*`}`,
    ...r.cells.map((c) => trendCell(c, l)),
  ]);
  out.push(table(head, rows), '');
  const counts = tr.points.map((p) => [`${inline(p.period)}`, cell(countsLine(p.counts, tr.ratings, l)), inline(`${p.framework.id} ${p.framework.version}`)]);
  out.push(table([t('trend.col.assessment'), t('trend.col.ratings'), t('report.fact.framework')], counts), '');
  const merged = tr.rows.filter((r) => r.cells.some((c) => c?.parts));
  if (merged.length) out.push(`\\* ${t('trend.md.merged')}`, '');
  const odd = tr.rows.filter((r) => !r.likeForLike).map((r) => `${inline(r.benchmark.title)}: ${inline(r.note ?? '')}`);
  if (odd.length) out.push(`### ${t('diff.notLikeForLike')}`, '', ...odd.map((x) => `- ${x}`), '');
  if (tr.notes.length) out.push(`**${t('diff.notes')}**`, '', ...tr.notes.map((n) => `- ${inline(n)}`), '');
  return ours(`${out.join('\n').trimEnd()}\n`);
}
