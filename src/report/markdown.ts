// GitHub-flavoured Markdown from the report model. User text is escaped, so that no
// pipe, tag or newline in evidence can break a table or inject markup.
import type { ReportChange } from './changes.js';
import { OUT_OF_DATE, type ReportAction, type ReportBenchmark, type ReportModel } from './model.js';
import { ours, type Term } from '../outside.js';
import { clean, longDate } from './text.js';

/** Escape text for use inline: every character Markdown or HTML could act on. */
export function inline(s: string): string {
  return clean(s)
    .replace(/[\\`*_{}[\]<>|~#&!]/g, '\\$&')
    .replace(/\n+/g, ' ');
}

/** Escape text for a table cell: as inline, with line breaks kept as <br>. */
export function cell(s: string | undefined): string {
  if (s === undefined || s === '') return '—';
  return clean(s)
    .trim()
    .split('\n')
    .map((line) => inline(line))
    .join('<br>');
}

/** A paragraph of user text, line breaks kept, no line able to start a block. */
function paragraph(s: string): string {
  return clean(s)
    .trim()
    .split('\n')
    .map((line) => inline(line).replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3').replace(/^(\s*)([-+=])/, '$1\\$2'))
    .join('  \n');
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const dateOr = (d?: string) => (d ? longDate(d) : '—');

function actionRows(actions: ReportAction[], withBenchmark: boolean): string[][] {
  return actions.map((x) => [
    cell(x.action),
    ...(withBenchmark ? [`${x.benchmark.number}. ${inline(x.benchmark.title)}`] : []),
    cell(x.owner),
    dateOr(x.due),
    x.status === 'done' ? 'Done' : x.overdue ? '**Overdue**' : 'Open',
  ]);
}

function benchmarkSection(b: ReportBenchmark, m: ReportModel): string {
  const out = [`## ${b.number}. ${inline(b.title)}`, '', `> ${inline(b.statement)}`, '', `*Statutory basis:* ${inline(b.basis)}`, ''];
  const basis = b.ratingBasis === 'agreed' ? 'agreed by the group' : 'computed from the answers';
  out.push(`**Rating: ${inline(b.ratingLabel)}** (${basis})`, '', inline(b.reason), '');
  if (b.rationale) out.push(`*Rationale for the agreed rating:* ${paragraph(b.rationale)}`, '');
  if (b.evidenceRecorded) {
    out.push(`${b.answered} of ${b.total} questions answered.`, '');
    const head = m.audience === 'board' ? ['Question', 'Answer', 'Evidence'] : ['Question', 'Answer'];
    const rows = b.answers.map((a) => {
      const q = `${cell(a.title)}${a.essential ? ' (essential)' : ''}`;
      const ans = `${cell(a.answerLabel)}${a.stale ? ' (evidence out of date)' : ''}`;
      if (m.audience === 'public') return [q, ans];
      const bits = [a.answer === 'n/a' && a.justification ? `Not applicable: ${cell(a.justification)}` : cell(a.evidence)];
      if (a.links.length) bits.push(`Links: ${a.links.map(cell).join(', ')}`);
      if (a.reviewed) bits.push(`Reviewed ${longDate(a.reviewed)}`);
      return [q, ans, bits.join('<br>')];
    });
    out.push(table(head, rows), '');
  }
  if (b.notes) out.push(`*Notes:* ${paragraph(b.notes)}`, '');
  if (b.actions.length) {
    out.push('**Actions**', '', table(['Action', 'Owner', 'By when', 'Status'], actionRows(b.actions, false)), '');
  }
  return out.join('\n');
}

function changesSection(period: string, changes: ReportChange[]): string {
  const out = [`## Changes since ${inline(period)}`, ''];
  if (!changes.length) out.push('No rating changed.', '');
  for (const c of changes) {
    const move = c.from === c.to ? inline(c.to) : `${inline(c.from)} → ${inline(c.to)}`;
    out.push(`- **${inline(c.benchmark)}:** ${move} (${c.direction}${c.likeForLike ? '' : '; not like-for-like'})`);
    out.push(...c.causes.map((x) => `  - ${inline(x)}`));
  }
  out.push('');
  return out.join('\n');
}

export function renderMarkdown(m: ReportModel): Term {
  const out: string[] = [];
  const marking = `**${inline(m.marking)}**`;
  out.push(marking, '', `# ${m.title}: ${inline(m.authority)}`, '');
  if (m.audience === 'public') out.push('*Public version: evidence, notes and names are not included.*', '');
  const prepared = m.assessors.map((p) => (p.role ? `${inline(p.name)} (${inline(p.role)})` : inline(p.name))).join('; ');
  const facts: [string, string][] = [
    ['Authority', inline(m.authority)],
    ['Period', inline(m.period)],
    ['Date agreed', longDate(m.date)],
    ['Protective marking', inline(m.marking)],
    ['Framework', `${inline(m.framework.title)} (${inline(m.framework.id)}, version ${inline(m.framework.version)})`],
  ];
  if (prepared) facts.push(['Prepared by', prepared]);
  if (m.previous) facts.push(['Compared with', `${inline(m.previous.period)} (${longDate(m.previous.date)})`]);
  out.push(table(['', ''], facts), '');

  out.push('## Summary', '');
  const withChange = m.previous !== undefined;
  const head = ['#', 'Benchmark', 'Rating', 'Basis', ...(withChange ? ['Change'] : [])];
  const rows = m.benchmarks.map((b) => [
    String(b.number),
    inline(b.title),
    `**${inline(b.ratingLabel)}**`,
    b.ratingBasis === 'agreed' ? 'Agreed' : 'Computed',
    ...(withChange ? [b.change ? `${inline(b.change.fromLabel)} → ${inline(b.ratingLabel)} (${b.change.direction})` : '—'] : []),
  ]);
  out.push(table(head, rows), '');
  const counts = [...m.ratings.map((r) => `${m.counts[r.id] ?? 0} ${inline(r.label)}`).reverse(), `${m.counts.unrated ?? 0} Not yet rated`];
  out.push(`**Ratings:** ${counts.join(' · ')}`, '');
  if (m.previous && m.changes) out.push(changesSection(m.previous.period, m.changes));

  for (const b of m.benchmarks) out.push(benchmarkSection(b, m));

  out.push('## Action plan', '');
  if (m.actions.length) {
    out.push(table(['Action', 'Benchmark', 'Owner', 'By when', 'Status'], actionRows(m.actions, true)), '');
    const overdue = m.actions.filter((x) => x.overdue).length;
    if (overdue) out.push(`${overdue} open action${overdue === 1 ? ' is' : 's are'} past the date due as at ${longDate(m.date)}.`, '');
  } else out.push('No actions were recorded.', '');

  out.push('## Sign-off', '');
  if (m.signOff.length) {
    const signHead = m.audience === 'board' ? ['Name', 'Role', 'Date'] : ['Role', 'Date'];
    const signRows = m.signOff.map((s) => [...(m.audience === 'board' ? [cell(s.name)] : []), cell(s.role), `${dateOr(s.date)}${s.outOfDate ? ` ${OUT_OF_DATE}` : ''}`]);
    out.push(table(signHead, signRows), '');
  } else out.push('Not yet signed off.', '');

  out.push('---', '');
  out.push(`${inline(m.framework.attribution)} ${inline(m.framework.licence)} Source: ${inline(m.framework.source)}`, '');
  out.push(marking, '');
  // Every piece from the files went through inline or cell, which clean it first.
  return ours(out.join('\n'));
}
