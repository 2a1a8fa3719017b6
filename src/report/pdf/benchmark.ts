// One section per benchmark: statement, statutory basis, rating with its reason, the
// answers with their evidence, notes and actions. Same content and order as the Markdown.
import type { ReportAction, ReportBenchmark, ReportModel } from '../model.js';
import { longDate } from '../text.js';
import { swatch } from './colour.js';
import { Flow, MUTED, RULE, STYLE, type El, type Style } from './flow.js';
import { table, type Cell, type Column } from './table.js';

const STATEMENT: Style = { font: 'regular', size: 10, leading: 1.4 };
const BASIS: Style = { font: 'regular', size: 8.5, colour: MUTED };
const RATING: Style = { font: 'bold', size: 11 };
const OVERDUE: Style = { font: 'bold', size: 8.5, leading: 1.3, colour: '#A4161A' };
const CHIP = 5;

export const dateOr = (d?: string) => (d ? longDate(d) : '—');

function statusCell(x: ReportAction): Cell {
  if (x.status === 'done') return { text: 'Done' };
  return x.overdue ? { text: 'Overdue', style: OVERDUE } : { text: 'Open' };
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
  const sw = swatch(m, b.rating, b.ratingLabel);
  const lh = flow.lineHeight(RATING) + 4;
  flow.ensure(lh * 3);
  const y = flow.y;
  const label = 'Rating:';
  const chipX = flow.left + flow.textWidth(label, RATING) + 6;
  const chipW = flow.textWidth(b.ratingLabel, RATING) + 2 * CHIP;
  const basis = `(${b.ratingBasis === 'agreed' ? 'agreed by the group' : 'computed from the answers'})`;
  flow.artifact(() => flow.doc.roundedRect(chipX, y, chipW, lh, 3).fill(sw.fill));
  flow.content(flow.struct(parent, 'P'), () => {
    flow.drawLine(label, flow.left, y + 2, RATING);
    flow.drawLine(b.ratingLabel, chipX + CHIP, y + 2, { ...RATING, colour: sw.text });
    flow.drawLine(basis, chipX + chipW + 8, y + 2, { ...STYLE.body, size: 10.5 });
  });
  flow.y += lh + 6;
}

function answersTable(flow: Flow, parent: El, b: ReportBenchmark, m: ReportModel): void {
  const board = m.audience === 'board';
  const columns: Column[] = board
    ? [
        { header: 'Question', width: 0.29 },
        { header: 'Answer', width: 0.15 },
        { header: 'Evidence', width: 0.56 },
      ]
    : [
        { header: 'Question', width: 0.65 },
        { header: 'Answer', width: 0.35 },
      ];
  const rows = b.answers.map((a): Cell[] => {
    const q = { text: `${a.title}${a.essential ? ' (essential)' : ''}` };
    const ans = { text: `${a.answerLabel}${a.stale ? ' (evidence out of date)' : ''}` };
    if (!board) return [q, ans];
    const bits = [a.answer === 'n/a' && a.justification ? `Not applicable: ${a.justification}` : a.evidence?.trim() || '—'];
    if (a.links.length) bits.push(`Links: ${a.links.join(', ')}`);
    if (a.reviewed) bits.push(`Reviewed ${longDate(a.reviewed)}`);
    return [q, ans, { text: bits.join('\n') }];
  });
  table(flow, parent, columns, rows);
}

export function actionsTable(flow: Flow, parent: El, actions: ReportAction[], m: ReportModel, withBenchmark: boolean): void {
  const board = m.audience === 'board';
  const columns: Column[] = [
    { header: 'Action', width: 0 },
    ...(withBenchmark ? [{ header: 'Benchmark', width: 0.18 }] : []),
    ...(board ? [{ header: 'Owner', width: withBenchmark ? 0.18 : 0.22 }] : []),
    { header: 'By when', width: 0.16 },
    { header: 'Status', width: 0.12 },
  ];
  columns[0]!.width = 1 - columns.slice(1).reduce((sum, c) => sum + c.width, 0);
  const rows = actions.map((x): Cell[] => [
    { text: x.action },
    ...(withBenchmark ? [{ text: `${x.benchmark.number}. ${x.benchmark.title}` }] : []),
    ...(board ? [{ text: x.owner ?? '' }] : []),
    { text: dateOr(x.due) },
    statusCell(x),
  ]);
  table(flow, parent, columns, rows);
}

export function benchmarkSection(flow: Flow, root: El, b: ReportBenchmark, m: ReportModel): void {
  const sect = flow.struct(root, 'Sect');
  flow.heading(sect, 2, `${b.number}. ${b.title}`);
  statement(flow, sect, b.statement);
  flow.labelled(sect, 'Statutory basis', b.basis, BASIS);
  flow.y += 4;
  ratingLine(flow, sect, b, m);
  flow.block(sect, 'P', b.reason, STYLE.body);
  if (b.rationale) flow.labelled(sect, 'Rationale for the agreed rating', b.rationale);
  flow.heading(sect, 3, m.audience === 'board' ? 'Answers and evidence' : 'Answers');
  if (!b.evidenceRecorded) flow.block(sect, 'P', 'No evidence was recorded for this benchmark.', STYLE.body);
  else {
    flow.block(sect, 'P', `${b.answered} of ${b.total} questions answered.`, STYLE.body);
    answersTable(flow, sect, b, m);
  }
  if (b.notes) flow.labelled(sect, 'Notes', b.notes);
  if (b.actions.length) {
    flow.heading(sect, 3, 'Actions');
    actionsTable(flow, sect, b.actions, m, false);
  }
}
