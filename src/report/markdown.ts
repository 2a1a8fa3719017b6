// GitHub-flavoured Markdown from the report model. User text is escaped, so that no
// pipe, tag or newline in evidence can break a table or inject markup.
import type { ReportChange } from './changes.js';
import type { ReportAction, ReportAnswer, ReportBenchmark, ReportModel } from './model.js';
import { reportFacts } from './facts.js';
import type { ReportContributed, ReportPosition, ReportUnsettled } from './positions.js';
import { clean, ours, type Term } from '../outside.js';
import { messages, type Messages } from '../i18n/catalogue.js';
import { directionWord } from './words.js';
import { countsLine } from '../diff/describe.js';

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

export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function actionRows(actions: ReportAction[], withBenchmark: boolean, { t, date }: Messages): string[][] {
  return actions.map((x) => [
    cell(x.action),
    ...(withBenchmark ? [`${x.benchmark.number}. ${inline(x.benchmark.title)}`] : []),
    cell(x.owner),
    x.due ? date(x.due) : '—',
    x.status === 'done' ? t('status.done') : x.overdue ? `**${t('status.overdue')}**` : t('status.open'),
  ]);
}

function benchmarkSection(b: ReportBenchmark, m: ReportModel, l: Messages): string {
  const { t } = l;
  const out = [`## ${b.number}. ${inline(b.title)}`, '', `> ${inline(b.statement)}`, '', `*${t('report.statutoryBasis')}:* ${inline(b.basis)}`, ''];
  const basis = t(b.ratingBasis === 'agreed' ? 'basis.agreed.long' : 'basis.computed.long');
  out.push(`**${t('report.rating')} ${inline(b.ratingLabel)}** (${basis})`, '', inline(b.reason), '');
  if (b.rationale) out.push(`*${t('report.rationale')}:* ${paragraph(b.rationale)}`, '');
  if (b.evidenceRecorded) {
    out.push(t('report.answered', { answered: b.answered, total: b.total }), '');
    const head = [t('report.col.question'), t('report.col.answer'), ...(m.audience === 'board' ? [t('report.col.evidence')] : [])];
    const rows = b.answers.map((a) => {
      const q = `${cell(a.title)}${a.essential ? ` ${t('question.essential')}` : ''}`;
      const ans = `${answerCell(a, l)}${a.stale ? ` ${t('report.stale')}` : ''}`;
      if (m.audience === 'public') return [q, ans];
      return [q, ans, evidenceCell(a, l)];
    });
    out.push(table(head, rows), '');
  }
  if (b.contributed) out.push(contributedSection(b.contributed, l));
  if (b.notes) out.push(`*${t('report.notes')}:* ${paragraph(b.notes)}`, '');
  if (b.actions.length) {
    const head = [t('report.col.action'), t('report.col.owner'), t('report.col.due'), t('report.col.status')];
    out.push(`**${t('report.actions')}**`, '', table(head, actionRows(b.actions, false, l)), '');
  }
  return out.join('\n');
}

/** An answer's evidence in a cell: the justification of an n/a, links and review date below. */
function evidenceCell(a: Pick<ReportPosition, 'answer' | 'evidence' | 'links' | 'reviewed' | 'justification'>, { t, date }: Messages): string {
  const bits = [a.answer === 'n/a' && a.justification ? t('report.notApplicable', { justification: cell(a.justification) }) : cell(a.evidence)];
  if (a.links.length) bits.push(t('report.links', { links: a.links.map(cell).join(', ') }));
  if (a.reviewed) bits.push(t('report.reviewed', { date: date(a.reviewed) }));
  return bits.join('<br>');
}

/** The answer, and where it came from when organisations gave positions (board only). */
function answerCell(a: ReportAnswer, { t }: Messages): string {
  const answer = cell(a.answerLabel);
  if (a.source === 'unsettled') return t('report.answer.unsettled', { answer });
  if (a.source === 'settled') return t('report.answer.settled', { answer });
  if (a.source === 'taken' && a.takenFrom) return t('report.answer.from', { answer, organisations: a.takenFrom.map(cell).join(', ') });
  return answer;
}

const positionRows = (positions: ReportPosition[], l: Messages) => positions.map((p) => [cell(p.organisation), cell(p.answerLabel), evidenceCell(p, l)]);

/** Provenance: each organisation's evidence for the benchmark's questions, and the settlements. */
function contributedSection(list: ReportContributed[], l: Messages): string {
  const { t, date } = l;
  const out = [`**${t('report.contributed')}**`, ''];
  const head = [t('report.col.question'), t('report.col.organisation'), t('report.col.answer'), t('report.col.evidence')];
  const rows = list.flatMap((c) => positionRows(c.positions, l).map((r) => [cell(c.title), ...r]));
  if (rows.length) out.push(table(head, rows), '');
  for (const c of list) {
    if (!c.settled) continue;
    const s = c.settled;
    const positions = s.positions.map((p) => `${inline(p.organisation)}: ${inline(p.answerLabel)}`).join('; ');
    out.push(`*${t('report.settled')}:* ${t('report.settledLine', { question: inline(c.title), answer: inline(s.answerLabel), date: date(s.date), positions, reason: paragraph(s.reason) })}`, '');
  }
  return out.join('\n');
}

function unsettledSection(list: ReportUnsettled[], l: Messages): string {
  const { t } = l;
  const out = [`## ${t('report.unsettled.title')}`, '', t('report.unsettled.intro'), ''];
  for (const u of list) {
    out.push(`### ${u.question.number} ${inline(u.question.title)}`, '');
    out.push(t('report.unsettled.countsAs', { benchmark: `${u.benchmark.number}. ${inline(u.benchmark.title)}`, answer: inline(u.countsAs) }), '');
    out.push(table([t('report.col.organisation'), t('report.col.answer'), t('report.col.evidence')], positionRows(u.positions, l)), '');
  }
  return out.join('\n');
}

function changesSection(period: string, changes: ReportChange[], { t }: Messages): string {
  const out = [`## ${t('report.changesSince', { period: inline(period) })}`, ''];
  if (!changes.length) out.push(t('report.noChanges'), '');
  for (const c of changes) {
    const move = c.from === c.to ? inline(c.to) : `${inline(c.from)} → ${inline(c.to)}`;
    out.push(`- **${inline(c.benchmark)}:** ${move} (${directionWord(t, c.direction)}${c.likeForLike ? '' : t('report.notLikeForLike')})`);
    out.push(...c.causes.map((x) => `  - ${inline(x)}`));
  }
  out.push('');
  return out.join('\n');
}

export function renderMarkdown(m: ReportModel): Term {
  const l = messages(m.lang);
  const { t, date } = l;
  const out: string[] = [];
  const marking = `**${inline(m.marking)}**`;
  out.push(marking, '', `# ${m.title}: ${inline(m.authority)}`, '');
  if (m.audience === 'public') out.push(`*${t('report.publicNotice')}*`, '');
  out.push(table(['', ''], reportFacts(m, l, t, inline)), '');

  out.push(`## ${t('report.summary')}`, '');
  const withChange = m.previous !== undefined;
  const head = [t('report.col.number'), t('report.col.benchmark'), t('report.col.rating'), t('report.col.basis'), ...(withChange ? [t('report.col.change')] : [])];
  const rows = m.benchmarks.map((b) => [
    String(b.number),
    inline(b.title),
    `**${inline(b.ratingLabel)}**`,
    t(b.ratingBasis === 'agreed' ? 'basis.agreed' : 'basis.computed'),
    ...(withChange ? [b.change ? t('report.change', { from: inline(b.change.fromLabel), to: inline(b.ratingLabel), direction: directionWord(t, b.change.direction) }) : '—'] : []),
  ]);
  out.push(table(head, rows), '');
  out.push(`**${t('report.ratings')}** ${countsLine(m.counts, m.ratings, l, inline)}`, '');
  if (m.previous && m.changes) out.push(changesSection(m.previous.period, m.changes, l));

  if (m.unsettled) out.push(unsettledSection(m.unsettled, l));
  for (const b of m.benchmarks) out.push(benchmarkSection(b, m, l));

  out.push(`## ${t('report.actionPlan')}`, '');
  if (m.actions.length) {
    const head = [t('report.col.action'), t('report.col.benchmark'), t('report.col.owner'), t('report.col.due'), t('report.col.status')];
    out.push(table(head, actionRows(m.actions, true, l)), '');
    const overdue = m.actions.filter((x) => x.overdue).length;
    if (overdue) out.push(t('report.overdue', { count: overdue, date: date(m.date) }), '');
  } else out.push(t('report.noActions'), '');

  out.push(`## ${t('report.signOff')}`, '');
  if (m.signOff.length) {
    const signHead = [...(m.audience === 'board' ? [t('report.col.name')] : []), t('report.col.role'), t('report.col.date')];
    const outOfDate = ` ${t('report.signOff.outOfDate')}`;
    const signRows = m.signOff.map((s) => [...(m.audience === 'board' ? [cell(s.name)] : []), cell(s.role), `${s.date ? date(s.date) : '—'}${s.outOfDate ? outOfDate : ''}`]);
    out.push(table(signHead, signRows), '');
  } else out.push(t('report.notSignedOff'), '');
  if (m.untranslated?.length) out.push(untranslatedSection(m, l));

  out.push('---', '');
  out.push(`${inline(m.framework.attribution)} ${inline(m.framework.licence)} ${t('report.source', { source: inline(m.framework.source) })}`, '');
  out.push(marking, '');
  // Every piece from the files went through inline or cell, which clean it first.
  return ours(out.join('\n'));
}

/** The parts of the framework shown in English for want of a translation, listed, not hidden. */
function untranslatedSection(m: ReportModel, { t }: Messages): string {
  const out = [`## ${t('report.untranslated')}`, '', t('report.untranslated.intro', { language: t('meta.name') }), ''];
  // "8. Venue Hire: …" must not start a numbered list inside the bullet.
  for (const u of m.untranslated ?? []) out.push(`- ${inline(u).replace(/^(\d+)\./, '$1\\.')}`);
  out.push('');
  return out.join('\n');
}
