// Page furniture, drawn once every page exists: the protective marking at top and bottom,
// the authority and period, and "Page i of N". All of it is a pagination artifact.
import type { ReportModel } from '../model.js';
import { messages } from '../../i18n/catalogue.js';
import { Flow, INK, MUTED, oneLine, PAGE, RULE, type Style } from './flow.js';
import { segments } from './wrap.js';

const MARK: Style = { font: 'bold', size: 9 };
const META: Style = { font: 'regular', size: 8.5, colour: MUTED };
const HEAD_Y = 24;
const FOOT_Y = PAGE.height - 44;

/** Shrink, then shorten, text until it fits `width`; header text must never run off the page. */
export function fitted(flow: Flow, text: string, s: Style, width: number): [string, Style] {
  let style = s;
  while (flow.textWidth(text, style) > width && style.size > 6) style = { ...style, size: style.size - 0.5 };
  if (flow.textWidth(text, style) <= width || text.length <= 1) return [text, style];
  return [shortened(text, (t) => flow.textWidth(t, style) <= width), style];
}

/**
 * The longest start of `text` (at least two pieces shorter) that fits with "…" after it, or
 * "…" alone. Widths only grow as pieces are added (no kerning: see plainLayout), so a binary
 * search on the cut finds what shortening a piece at a time found, in log n measurings
 * instead of n: a 100,000-character authority took minutes a page that way.
 */
export function shortened(text: string, fits: (s: string) => boolean): string {
  // Only a start that does not fit on its own need be split into graphemes (a segmenter is
  // slow on 100,000 characters); twice it, so that no cut near its end is lost.
  let end = text.length;
  for (let n = 256; n < text.length; n *= 2) {
    if (!fits(text.slice(0, n))) {
      end = Math.min(text.length, 2 * n);
      break;
    }
  }
  const pieces = [...segments(text.slice(0, end))];
  // Cutting at k keeps pieces[0, k): the last cut known to fit, and the first known not to
  // (the whole text is known not to, and as before, the cut one piece short is not tried).
  let [good, bad] = [0, end < text.length ? pieces.length : pieces.length - 1];
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (fits(`${pieces.slice(0, mid).join('')}…`)) good = mid;
    else bad = mid;
  }
  return `${pieces.slice(0, good).join('')}…`;
}

/** `modelOf(i)`: the report on page i (from 0), whose language the page's furniture speaks. */
export function furniture(flow: Flow, modelOf: (page: number) => ReportModel): void {
  const doc = flow.doc;
  const { start, count } = doc.bufferedPageRange();
  const right = flow.left + flow.width;
  for (let i = start; i < start + count; i++) {
    const m = modelOf(i - start);
    const { t } = messages(m.lang);
    // Centred at top and bottom, as the Government Security Classifications ask.
    const [marking, markStyle] = fitted(flow, oneLine(flow.printable(m.marking, MARK)), MARK, flow.width * 0.6);
    const markX = flow.left + (flow.width - flow.textWidth(marking, markStyle)) / 2;
    const [who, whoStyle] = fitted(flow, oneLine(flow.printable(t('report.pdf.header', { authority: m.authority, title: m.title, period: m.period }), META)), META, flow.width);
    flow.switchTo(i);
    // Writing below the bottom margin must not make pdfkit start another page.
    doc.page.margins.bottom = 0;
    const page = t('report.pdf.page', { page: i - start + 1, pages: count });
    const pageStyle: Style = { ...META, colour: INK };
    flow.artifact(() => {
      flow.drawLine(marking, markX, HEAD_Y, markStyle);
      flow.drawLine(who, flow.left, HEAD_Y + 15, whoStyle);
      doc.moveTo(flow.left, HEAD_Y + 30).lineTo(right, HEAD_Y + 30).lineWidth(0.5).stroke(RULE);
      doc.moveTo(flow.left, FOOT_Y - 6).lineTo(right, FOOT_Y - 6).lineWidth(0.5).stroke(RULE);
      flow.drawLine(marking, markX, FOOT_Y, markStyle);
      flow.drawLine(page, right - flow.textWidth(page, pageStyle), FOOT_Y, pageStyle);
    }, 'Pagination');
  }
}
