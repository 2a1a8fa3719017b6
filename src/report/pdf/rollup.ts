// The roll-up as a PDF in the report's style: A4, the same fonts, headings and wrapping tables
// with repeated header rows, the marking at top and bottom of every page and "Page i of N",
// tagged, with title and language set. Several languages make one document, a part per
// language with its own /Lang and page words. Pure: blocks and the creation date in, bytes out.
import { messages, type Messages } from '../../i18n/catalogue.js';
import type { Block } from '../../rollup/blocks.js';
import { metadataText, openPdf } from './document.js';
import { INK, oneLine, PAGE, STYLE, type Flow, type Style } from './flow.js';
import { table } from './table.js';

export interface RollupPdfOptions {
  created: Date;
  marking: string;
}

/** One language's roll-up. */
export interface RollupPart {
  lang: string;
  blocks: Block[];
}

const MARK: Style = { font: 'bold', size: 9 };
const PAGE_NO: Style = { font: 'regular', size: 8.5, colour: INK };

/** A cell's padding on both sides (table.ts), and a point to spare. */
const PADDING = 2 * 4 + 1;

/**
 * Column shares from what the cells hold, measured as they will be printed (a character the
 * font lacks is written [U+4E2D], eight times as wide). Each column gets its widest word, so
 * that no word or number is broken, except that a word wider than a quarter of the line (a
 * file path, a long address, a name in a script the font lacks) is broken rather than let it
 * squeeze the other columns; when the words still do not fit, the widest columns give way
 * first. The rest of the line goes to the columns with more to say, up to what they need.
 */
function shares(flow: Flow, head: string[], rows: string[][]): number[] {
  const line = flow.width;
  const width = (text: string, s: Style) => flow.textWidth(flow.printable(text, s), s);
  const widest = (text: string, s: Style) => Math.max(0, ...text.split(/\s+/).map((w) => width(w, s)));
  const columns = head.map((h, c) => [{ text: h, s: STYLE.cellBold }, ...rows.map((r) => ({ text: r[c]!, s: STYLE.cell }))]);
  const words = columns.map((cells) => Math.min(line / 4, Math.max(...cells.map((x) => widest(x.text, x.s)))) + PADDING);
  const min = capped(words, line);
  const natural = columns.map((cells, c) => Math.max(min[c]!, Math.min(line * 0.6, Math.max(...cells.map((x) => width(x.text, x.s))) + PADDING)));
  const spare = line - min.reduce((a, b) => a + b, 0);
  const want = natural.map((n, c) => n - min[c]!);
  const wanted = want.reduce((a, b) => a + b, 0);
  const points = min.map((m, c) => m + (spare > 0 && wanted > 0 ? (want[c]! * Math.min(spare, wanted)) / wanted : 0));
  const total = points.reduce((a, b) => a + b, 0);
  return points.map((n) => n / total);
}

/** `widths` lowered, the widest first, to the one level at which they fill `line` (as they are when they fit). */
function capped(widths: number[], line: number): number[] {
  if (widths.reduce((a, b) => a + b, 0) <= line) return widths;
  let [low, high] = [0, Math.max(...widths)];
  for (let i = 0; i < 40; i++) {
    const level = (low + high) / 2;
    if (widths.reduce((a, w) => a + Math.min(w, level), 0) > line) high = level;
    else low = level;
  }
  return widths.map((w) => Math.min(w, low));
}

export async function renderRollupPdf(parts: RollupPart[], opts: RollupPdfOptions): Promise<Uint8Array> {
  const first = messages(parts[0]!.lang);
  const title = parts[0]!.blocks.find((b) => b.kind === 'heading')?.text ?? first.t('rollup.title');
  const { doc, flow, root: docRoot, finish } = openPdf({ locale: first.locale, title, created: opts.created });
  // Each language's first page, so that each page's furniture is in its own language.
  const starts: { lang: string; first: number }[] = [];
  parts.forEach((part, i) => {
    if (i > 0) flow.newPage();
    starts.push({ lang: part.lang, first: doc.bufferedPageRange().count - 1 });
    const root = parts.length > 1 ? flow.struct(docRoot, 'Part', { lang: messages(part.lang).locale }) : docRoot;
    for (const b of part.blocks) {
      if (b.kind === 'heading') {
        // Each framework's section starts a page, as each benchmark does in the report.
        if (b.level === 2 && flow.y > PAGE.top + 80) flow.newPage();
        if (b.level <= 2) doc.outline.addItem(metadataText(b.text));
        flow.heading(root, b.level, b.text);
      } else if (b.kind === 'para') flow.block(root, 'P', b.text, STYLE.body);
      else {
        const w = shares(flow, b.head, b.rows);
        table(flow, root, b.head.map((header, i) => ({ header, width: w[i]! })), b.rows.map((r) => r.map((text) => ({ text }))));
      }
    }
  });
  pageFurniture(flow, opts.marking, (page) => messages(starts.findLast((s) => s.first <= page)!.lang));
  return finish();
}

/** The marking centred at top and bottom of every page, and "Page i of N": pagination artifacts. */
function pageFurniture(flow: Flow, marking: string, wordsOf: (page: number) => Messages): void {
  const doc = flow.doc;
  const { start, count } = doc.bufferedPageRange();
  const mark = oneLine(flow.printable(marking, MARK));
  const x = flow.left + (flow.width - flow.textWidth(mark, MARK)) / 2;
  for (let i = start; i < start + count; i++) {
    flow.switchTo(i);
    doc.page.margins.bottom = 0;
    const page = wordsOf(i - start).t('report.pdf.page', { page: i - start + 1, pages: count });
    flow.artifact(() => {
      flow.drawLine(mark, x, 24, MARK);
      flow.drawLine(mark, x, PAGE.height - 44, MARK);
      flow.drawLine(page, flow.left + flow.width - flow.textWidth(page, PAGE_NO), PAGE.height - 44, PAGE_NO);
    }, 'Pagination');
  }
}
