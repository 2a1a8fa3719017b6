// The cover page: marking banner, title, authority and period, and the facts a board paper
// opens with. The public version says so here, before anything else is read.
import type { ReportModel } from '../model.js';
import { reportFacts } from '../facts.js';
import { messages } from '../../i18n/catalogue.js';
import { Flow, INK, MUTED, STYLE, type El, type Style } from './flow.js';

const BANNER: Style = { font: 'bold', size: 14 };
const AUTHORITY: Style = { font: 'bold', size: 18, leading: 1.25 };
const PERIOD: Style = { font: 'regular', size: 14, colour: MUTED };
const KEY_WIDTH = 130;

/** A boxed line of text, centred, tagged as a paragraph. */
function banner(flow: Flow, parent: El, text: string, s: Style, fill: string): void {
  const doc = flow.doc;
  const lines = flow.lines(text, flow.width - 24, s);
  const lh = flow.lineHeight(s);
  const h = lines.length * lh + 16;
  const y = flow.y;
  flow.artifact(() => doc.rect(flow.left, y, flow.width, h).lineWidth(1.5).fillAndStroke(fill, INK));
  flow.content(flow.struct(parent, 'P'), () =>
    lines.forEach((line, k) => flow.drawLine(line, flow.left + (flow.width - flow.textWidth(line, s)) / 2, y + 8 + k * lh, s)),
  );
  flow.y += h + 18;
}

function fact(flow: Flow, parent: El, key: string, value: string): void {
  const keyLines = flow.lines(key, KEY_WIDTH - 10, STYLE.bodyBold);
  const valueLines = flow.lines(value, flow.width - KEY_WIDTH, STYLE.body);
  const lh = flow.lineHeight(STYLE.body);
  const h = Math.max(keyLines.length, valueLines.length) * lh;
  flow.ensure(h);
  const y = flow.y;
  flow.content(flow.struct(parent, 'P'), () => {
    flow.drawLines(keyLines, flow.left, y, lh, STYLE.bodyBold);
    flow.drawLines(valueLines, flow.left + KEY_WIDTH, y, lh, STYLE.body);
  });
  flow.y += h + 6;
}

export function cover(flow: Flow, root: El, m: ReportModel): void {
  const l = messages(m.lang);
  const sect = flow.struct(root, 'Sect');
  flow.y += 30;
  banner(flow, sect, m.marking, BANNER, '#FFFFFF');
  flow.y += 40;
  flow.block(sect, 'H1', m.title, STYLE.h1, { gapAfter: 14 });
  flow.block(sect, 'P', m.authority, AUTHORITY, { gapAfter: 4 });
  flow.block(sect, 'P', m.period, PERIOD, { gapAfter: 30 });
  if (m.audience === 'public') banner(flow, sect, l.t('report.publicNotice'), { font: 'bold', size: 12 }, '#F4F4F4');
  flow.y += 20;
  for (const [k, v] of reportFacts(m, l, l.t)) fact(flow, sect, k, v);
}
