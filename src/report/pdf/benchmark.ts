// One section per benchmark: statement, statutory basis, rating with its reason, the
// answers with their evidence, notes and actions. Same content and order as the Markdown.
import type { ReportAction, ReportBenchmark, ReportModel } from '../model.js';
import { messages, type Messages } from '../../i18n/catalogue.js';
import { swatch } from './colour.js';
import { Flow, MUTED, RULE, STYLE, type El, type Style } from './flow.js';
import { table, type Cell, type Column } from './table.js';
import { answerText, contributedSection, evidenceText } from './positions.js';

const STATEMENT: Style = { font: 'regular', size: 10, leading: 1.4 };
const BASIS: Style = { font: 'regular', size: 8.5, colour: MUTED };
const RATING: Style = { font: 'bold', size: 11 };
const OVERDUE: Style = { font: 'bold', size: 8.5, leading: 1.3, colour: '#A4161A' };
const CHIP = 5;

export const dateOr = (m: ReportModel, d?: string) => (d ? messages(m.lang).date(d) : '—');

function statusCell(x: ReportAction, t: Messages['t']): Cell {
  if (x.status === 'done') return { text: t('status.done') };
  return x.overdue ? { text: t('status.overdue'), style: OVERDUE } : { text: t('status.open') };
}

function statement(flow: Flow, parent: El, text: string): void {
  const y = flow.y;
  const page = flow.doc.page;
  flow.block(parent, 'BlockQuote', text, STATEMENT, { x: flow.left + 12, gapAfter: 0 });
  // The rule beside a quotation is decoration; draw it only if the quotation kept to one page.
  if (flow.doc.page === page) flow.artifact(() => flow.doc.rect(flow.left, y, 3, flow.y - y).fill(RULE));
  flow.y += 10;
}

function ratingLine(flow: Flow, parent: El, b: ReportBenchmark, m: ReportModel): void {
  const { t } = messages(m.lang);
  const sw = swatch(m, b.rating, b.ratingLabel);
  const lh = flow.lineHeight(RATING) + 4;
  flow.ensure(lh * 3);
  const y = flow.y;
  const label = t('report.rating');
  const chipX = flow.left + flow.textWidth(label, RATING) + 6;
  const chipW = flow.textWidth(b.ratingLabel, RATING) + 2 * CHIP;
  const basis = `(${t(b.ratingBasis === 'agreed' ? 'basis.agreed.long' : 'basis.computed.long')})`;
  flow.artifact(() => flow.doc.roundedRect(chipX, y, chipW, lh, 3).fill(sw.fill));
  flow.content(flow.struct(parent, 'P'), () => {
    flow.drawLine(label, flow.left, y + 2, RATING);
    flow.drawLine(b.ratingLabel, chipX + CHIP, y + 2, { ...RATING, colour: sw.text });
    flow.drawLine(basis, chipX + chipW + 8, y + 2, { ...STYLE.body, size: 10.5 });
  });
  flow.y += lh + 6;
}

function answersTable(flow: Flow, parent: El, b: ReportBenchmark, m: ReportModel): void {
  const l = messages(m.lang);
  const { t } = l;
  const board = m.audience === 'board';
  const columns: Column[] = board
    ? [
        { header: t('report.col.question'), width: 0.29 },
        { header: t('report.col.answer'), width: 0.15 },
        { header: t('report.col.evidence'), width: 0.56 },
      ]
    : [
        { header: t('report.col.question'), width: 0.65 },
        { header: t('report.col.answer'), width: 0.35 },
      ];
  const rows = b.answers.map((a): Cell[] => {
    const q = { text: `${a.title}${a.essential ? ` ${t('question.essential')}` : ''}` };
    const ans = { text: `${answerText(a, l)}${a.stale ? ` ${t('report.stale')}` : ''}` };
    if (!board) return [q, ans];
    return [q, ans, { text: evidenceText(a, l) }];
  });
  table(flow, parent, columns, rows);
}

export function actionsTable(flow: Flow, parent: El, actions: ReportAction[], m: ReportModel, withBenchmark: boolean): void {
  const { t } = messages(m.lang);
  const board = m.audience === 'board';
  const columns: Column[] = [
    { header: t('report.col.action'), width: 0 },
    ...(withBenchmark ? [{ header: t('report.col.benchmark'), width: 0.18 }] : []),
    ...(board ? [{ header: t('report.col.owner'), width: withBenchmark ? 0.18 : 0.22 }] : []),
    { header: t('report.col.due'), width: 0.16 },
    { header: t('report.col.status'), width: 0.12 },
  ];
  columns[0]!.width = 1 - columns.slice(1).reduce((sum, c) => sum + c.width, 0);
  const rows = actions.map((x): Cell[] => [
    { text: x.action },
    ...(withBenchmark ? [{ text: `${x.benchmark.number}. ${x.benchmark.title}` }] : []),
    ...(board ? [{ text: x.owner ?? '' }] : []),
    { text: dateOr(m, x.due) },
    statusCell(x, t),
  ]);
  table(flow, parent, columns, rows);
}

export function benchmarkSection(flow: Flow, root: El, b: ReportBenchmark, m: ReportModel): void {
  const { t } = messages(m.lang);
  const sect = flow.struct(root, 'Sect');
  flow.heading(sect, 2, `${b.number}. ${b.title}`);
  statement(flow, sect, b.statement);
  flow.labelled(sect, t('report.statutoryBasis'), b.basis, BASIS);
  flow.y += 4;
  ratingLine(flow, sect, b, m);
  flow.block(sect, 'P', b.reason, STYLE.body);
  if (b.rationale) flow.labelled(sect, t('report.rationale'), b.rationale);
  flow.heading(sect, 3, t(m.audience === 'board' ? 'report.answersAndEvidence' : 'report.answers'));
  if (!b.evidenceRecorded) flow.block(sect, 'P', t('report.noEvidence'), STYLE.body);
  else {
    flow.block(sect, 'P', t('report.answered', { answered: b.answered, total: b.total }), STYLE.body);
    answersTable(flow, sect, b, m);
  }
  if (b.contributed) contributedSection(flow, sect, b.contributed, m);
  if (b.notes) flow.labelled(sect, t('report.notes'), b.notes);
  if (b.actions.length) {
    flow.heading(sect, 3, t('report.actions'));
    actionsTable(flow, sect, b.actions, m, false);
  }
}
