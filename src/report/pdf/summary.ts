// The summary page: every benchmark's rating as a word on its colour, the counts, and a
// bar chart of the counts drawn as vector graphics, tagged as a figure with its own words.
import type { ReportChange } from '../changes.js';
import type { ReportModel } from '../model.js';
import { messages, type Messages } from '../../i18n/catalogue.js';
import { directionWord, ratingCounts } from '../words.js';
import { swatch } from './colour.js';
import { Flow, INK, MUTED, STYLE, type El, type Style } from './flow.js';
import { table, type Cell, type Column } from './table.js';

export function summary(flow: Flow, root: El, m: ReportModel): void {
  const { t } = messages(m.lang);
  const sect = flow.struct(root, 'Sect');
  flow.heading(sect, 2, t('report.summary'));
  const withChange = m.previous !== undefined;
  const [num, bench, rating, basis, change] = [t('report.col.number'), t('report.col.benchmark'), t('report.col.rating'), t('report.col.basis'), t('report.col.change')];
  const columns: Column[] = withChange
    ? [
        { header: num, width: 0.06 },
        { header: bench, width: 0.38 },
        { header: rating, width: 0.17 },
        { header: basis, width: 0.13 },
        { header: change, width: 0.26 },
      ]
    : [
        { header: num, width: 0.07 },
        { header: bench, width: 0.53 },
        { header: rating, width: 0.2 },
        { header: basis, width: 0.2 },
      ];
  const rows = m.benchmarks.map((b): Cell[] => [
    { text: String(b.number) },
    { text: b.title },
    { text: b.ratingLabel, swatch: swatch(m, b.rating, b.ratingLabel) },
    { text: t(b.ratingBasis === 'agreed' ? 'basis.agreed' : 'basis.computed') },
    ...(withChange ? [{ text: b.change ? t('report.change', { from: b.change.fromLabel, to: b.ratingLabel, direction: directionWord(t, b.change.direction) }) : '—' }] : []),
  ]);
  table(flow, sect, columns, rows);
  const counts = ratingCounts(m);
  const line = counts.map((c) => t('report.count', { count: c.count, label: c.label })).join(t('list.separator'));
  flow.block(sect, 'P', `${t('report.ratings')} ${line}`, { font: 'bold', size: 10 }, { gapAfter: 16 });
  chart(flow, sect, m);
  if (m.previous && m.changes) changes(flow, sect, m.previous.period, m.changes, t);
}

/** What moved since the previous assessment and why, as the Markdown lists it. */
function changes(flow: Flow, parent: El, period: string, list: ReportChange[], t: Messages['t']): void {
  flow.heading(parent, 3, t('report.changesSince', { period }));
  if (!list.length) {
    flow.block(parent, 'P', t('report.noChanges'), STYLE.body);
    return;
  }
  const l = flow.struct(parent, 'L');
  for (const c of list) {
    const body = flow.struct(flow.struct(l, 'LI'), 'LBody');
    const move = c.from === c.to ? c.to : `${c.from} → ${c.to}`;
    flow.block(body, 'P', `${c.benchmark}: ${move} (${directionWord(t, c.direction)}${c.likeForLike ? '' : t('report.notLikeForLike')})`, STYLE.bodyBold, { gapAfter: 2 });
    for (const cause of c.causes) flow.block(body, 'P', cause, STYLE.body, { x: flow.left + 22, bullet: '–', gapAfter: 2 });
    flow.y += 6;
  }
}

const BAR = 18;
const GAP = 8;
const LABEL: Style = { font: 'bold', size: 9.5 };
const TITLE: Style = { font: 'bold', size: 10, colour: MUTED };

function chart(flow: Flow, parent: El, m: ReportModel): void {
  const doc = flow.doc;
  const { t } = messages(m.lang);
  const counts = ratingCounts(m);
  const total = Math.max(1, m.benchmarks.length);
  const title = t('report.chart.title', { count: m.benchmarks.length });
  const labelW = Math.max(...counts.map((c) => flow.textWidth(c.label, LABEL))) + 12;
  const barMax = flow.width - labelW - 40;
  const height = 22 + counts.length * (BAR + GAP);
  flow.ensure(height);
  const [x, y] = [flow.left, flow.y];
  const alt = t('report.chart.alt', { title, counts: counts.map((c) => t('report.chart.count', { label: c.label, count: c.count })).join(', ') });
  const figure = flow.struct(parent, 'Figure', { alt, bbox: [x, y, x + flow.width, y + height] });
  flow.content(figure, () => {
    flow.drawLine(title, x, y, TITLE);
    counts.forEach((c, i) => {
      const top = y + 22 + i * (BAR + GAP);
      const sw = swatch(m, c.id, c.label);
      const w = (c.count / total) * barMax;
      doc.rect(x + labelW, top, barMax, BAR).lineWidth(0.4).stroke('#BFBFBF');
      if (w > 0) doc.rect(x + labelW, top, w, BAR).fill(sw.fill);
      flow.drawLine(c.label, x, top + (BAR - flow.lineHeight(LABEL)) / 2, { ...LABEL, colour: INK });
      flow.drawLine(String(c.count), x + labelW + w + 6, top + (BAR - flow.lineHeight(LABEL)) / 2, { ...LABEL, colour: INK });
    });
  });
  flow.y += height + 10;
}
