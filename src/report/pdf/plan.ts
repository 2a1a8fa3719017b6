// The closing pages: the whole action plan with overdue actions marked, then the sign-off
// with room to sign, then the framework's attribution.
import type { ReportModel } from '../model.js';
import { messages } from '../../i18n/catalogue.js';
import { actionsTable, dateOr } from './benchmark.js';
import { Flow, STYLE, type El } from './flow.js';
import { table, type Cell, type Column } from './table.js';

function overdueSentence(m: ReportModel): string | undefined {
  const overdue = m.actions.filter((x) => x.overdue).length;
  if (!overdue) return undefined;
  const { t, date } = messages(m.lang);
  return t('report.overdue', { count: overdue, date: date(m.date) });
}

export function actionPlan(flow: Flow, root: El, m: ReportModel): void {
  const { t } = messages(m.lang);
  const sect = flow.struct(root, 'Sect');
  flow.heading(sect, 2, t('report.actionPlan'));
  if (!m.actions.length) {
    flow.block(sect, 'P', t('report.noActions'), STYLE.body);
    return;
  }
  const overdue = overdueSentence(m);
  if (overdue) flow.block(sect, 'P', overdue, STYLE.bodyBold, { gapAfter: 8 });
  actionsTable(flow, sect, m.actions, m, true);
}

/** Sign-off rows; with none recorded, the board version leaves two blank rows to fill in. */
export function signOff(flow: Flow, root: El, m: ReportModel): void {
  const { t, date } = messages(m.lang);
  const OUT_OF_DATE = t('report.signOff.outOfDate');
  const sect = flow.struct(root, 'Sect');
  // Keep the sign-off table and the attribution after it on one page.
  flow.ensure(150 + Math.max(2, m.signOff.length) * 44);
  flow.doc.outline.addItem(t('report.signOff'));
  flow.heading(sect, 2, t('report.signOff'));
  const board = m.audience === 'board';
  if (!m.signOff.length) flow.block(sect, 'P', t('report.notSignedOff'), STYLE.body);
  if (!board) {
    if (m.signOff.length) {
      const rows = m.signOff.map((s): Cell[] => [{ text: s.role }, { text: `${dateOr(m, s.date)}${s.outOfDate ? ` ${OUT_OF_DATE}` : ''}` }]);
      table(flow, sect, [{ header: t('report.col.role'), width: 0.7 }, { header: t('report.col.date'), width: 0.3 }], rows);
    }
    return;
  }
  const columns: Column[] = [
    { header: t('report.col.name'), width: 0.26 },
    { header: t('report.col.role'), width: 0.3 },
    { header: t('report.col.date'), width: 0.16 },
    { header: t('report.col.signature'), width: 0.28 },
  ];
  const blank: Cell = { text: '', writeIn: true };
  const rows = m.signOff.length
    ? m.signOff.map((s): Cell[] => [{ text: s.name ?? '—' }, { text: s.role }, s.date || s.outOfDate ? { text: `${s.date ? date(s.date) : ''}${s.outOfDate ? ` ${OUT_OF_DATE}` : ''}`.trim() } : blank, blank])
    : [[blank, blank, blank, blank], [blank, blank, blank, blank]];
  table(flow, sect, columns, rows, { minLines: 3 });
}

export function attribution(flow: Flow, root: El, m: ReportModel): void {
  const f = m.framework;
  flow.y += 12;
  flow.block(root, 'P', `${f.attribution} ${f.licence} ${messages(m.lang).t('report.source', { source: f.source })}`, STYLE.small);
}

/** The parts of the framework shown in English for want of a translation, listed at the end. */
export function untranslated(flow: Flow, root: El, m: ReportModel): void {
  if (!m.untranslated?.length) return;
  const { t } = messages(m.lang);
  const sect = flow.struct(root, 'Sect');
  flow.y += 12;
  flow.heading(sect, 2, t('report.untranslated'));
  flow.block(sect, 'P', t('report.untranslated.intro', { language: t('meta.name') }), STYLE.body);
  const list = flow.struct(sect, 'L');
  for (const line of m.untranslated) flow.block(flow.struct(flow.struct(list, 'LI'), 'LBody'), 'P', line, STYLE.body, { x: flow.left + 12, bullet: '–', gapAfter: 2 });
}
