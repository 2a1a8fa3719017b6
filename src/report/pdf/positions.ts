// Contributions in the PDF, as in the Markdown: the positions not yet settled (a section of
// their own after the summary) and, in each benchmark's section, the evidence each organisation
// gave and the settlements made at challenge. Board version only: the model has none otherwise.
import type { ReportAnswer, ReportModel } from '../model.js';
import type { ReportContributed, ReportPosition } from '../positions.js';
import { messages, type Messages } from '../../i18n/catalogue.js';
import { Flow, STYLE, type El } from './flow.js';
import { table, type Cell, type Column } from './table.js';

/** The answer, and where it came from when organisations gave positions. */
export function answerText(a: ReportAnswer, { t }: Messages): string {
  if (a.source === 'unsettled') return t('report.answer.unsettled', { answer: a.answerLabel });
  if (a.source === 'settled') return t('report.answer.settled', { answer: a.answerLabel });
  if (a.source === 'taken' && a.takenFrom) return t('report.answer.from', { answer: a.answerLabel, organisations: a.takenFrom.join(', ') });
  return a.answerLabel;
}

export function evidenceText(p: Pick<ReportPosition, 'answer' | 'evidence' | 'links' | 'reviewed' | 'justification'>, { t, date }: Messages): string {
  const bits = [p.answer === 'n/a' && p.justification ? t('report.notApplicable', { justification: p.justification }) : p.evidence?.trim() || '—'];
  if (p.links.length) bits.push(t('report.links', { links: p.links.join(', ') }));
  if (p.reviewed) bits.push(t('report.reviewed', { date: date(p.reviewed) }));
  return bits.join('\n');
}

const positionCells = (p: ReportPosition, l: Messages): Cell[] => [{ text: p.organisation }, { text: p.answerLabel }, { text: evidenceText(p, l) }];

export function unsettledSection(flow: Flow, root: El, m: ReportModel): void {
  const l = messages(m.lang);
  const { t } = l;
  const sect = flow.struct(root, 'Sect');
  flow.heading(sect, 2, t('report.unsettled.title'));
  flow.block(sect, 'P', t('report.unsettled.intro'), STYLE.body);
  const columns: Column[] = [
    { header: t('report.col.organisation'), width: 0.26 },
    { header: t('report.col.answer'), width: 0.16 },
    { header: t('report.col.evidence'), width: 0.58 },
  ];
  for (const u of m.unsettled ?? []) {
    flow.heading(sect, 3, `${u.question.number} ${u.question.title}`);
    flow.block(sect, 'P', t('report.unsettled.countsAs', { benchmark: `${u.benchmark.number}. ${u.benchmark.title}`, answer: u.countsAs }), STYLE.body);
    table(flow, sect, columns, u.positions.map((p) => positionCells(p, l)));
  }
}

export function contributedSection(flow: Flow, sect: El, list: ReportContributed[], m: ReportModel): void {
  const l = messages(m.lang);
  const { t, date } = l;
  flow.heading(sect, 3, t('report.contributed'));
  const rows = list.flatMap((c) => c.positions.map((p): Cell[] => [{ text: c.title }, ...positionCells(p, l)]));
  const columns: Column[] = [
    { header: t('report.col.question'), width: 0.22 },
    { header: t('report.col.organisation'), width: 0.2 },
    { header: t('report.col.answer'), width: 0.14 },
    { header: t('report.col.evidence'), width: 0.44 },
  ];
  if (rows.length) table(flow, sect, columns, rows);
  for (const c of list) {
    const s = c.settled;
    if (!s) continue;
    const positions = s.positions.map((p) => `${p.organisation}: ${p.answerLabel}`).join('; ');
    flow.labelled(sect, t('report.settled'), t('report.settledLine', { question: c.title, answer: s.answerLabel, date: date(s.date), positions, reason: s.reason }));
  }
}
