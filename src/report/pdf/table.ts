// Tables that wrap every cell, split a row that will not fit, and repeat the header row on
// each new page. The first header row is tagged (TH, column scope); repeats are artifacts,
// so a screen reader meets the header once and each body row once.
import type { Swatch } from './colour.js';
import { Flow, INK, RULE, STYLE, type El, type Style } from './flow.js';

export interface Column {
  header: string;
  /** Share of the text block's width; the shares add up to 1. */
  width: number;
}

export interface Cell {
  text: string;
  style?: Style;
  /** Draw the text as a rating chip: the word on its colour. */
  swatch?: Swatch;
  /** Leave a line to write on (a signature, a date to fill in). */
  writeIn?: boolean;
}

export interface TableOptions {
  /** Every row is at least this many lines tall (room for a signature). */
  minLines?: number;
}

const PAD = 4;
const CHIP = 4;
const HEAD_FILL = '#E3E3E3';
const ZEBRA = '#F4F4F4';

export function table(flow: Flow, parent: El, columns: Column[], rows: Cell[][], o: TableOptions = {}): void {
  const doc = flow.doc;
  const s = STYLE.cell;
  const lh = flow.lineHeight(s);
  const widths = columns.map((c) => c.width * flow.width);
  const xs = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const inner = (i: number, cell?: Cell) => widths[i]! - 2 * PAD - (cell?.swatch ? 2 * CHIP : 0);
  const head = columns.map((c, i) => flow.lines(c.header, inner(i), STYLE.cellBold));
  const headH = Math.max(...head.map((l) => l.length)) * lh + 2 * PAD;
  // A rating chip is bold, in the text colour that reads on its fill.
  const styleOf = (cell: Cell): Style =>
    cell.swatch ? { ...(cell.style ?? STYLE.cellBold), colour: cell.swatch.text } : (cell.style ?? s);
  const body = rows.map((row) => row.map((cell, i) => flow.lines(cell.text || (cell.writeIn ? '' : '—'), inner(i, cell), styleOf(cell))));
  const tableEl = flow.struct(parent, 'Table');

  const header = (tagged: boolean) => {
    const y = flow.y;
    flow.artifact(() => {
      doc.rect(flow.left, y, flow.width, headH).fill(HEAD_FILL);
      doc.moveTo(flow.left, y + headH).lineTo(flow.left + flow.width, y + headH).lineWidth(0.8).stroke(INK);
    }, tagged ? 'Layout' : 'Pagination');
    const draw = (i: number) => flow.drawLines(head[i]!, xs[i]! + PAD, y + PAD, lh, STYLE.cellBold);
    if (tagged) {
      const tr = flow.struct(tableEl, 'TR');
      columns.forEach((_, i) => flow.content(flow.struct(tr, 'TH', { scope: 'Column' }), () => draw(i)));
    } else flow.artifact(() => columns.forEach((_, i) => draw(i)), 'Pagination');
    flow.y += headH;
  };

  const nextPage = () => {
    flow.newPage();
    header(false);
  };

  /** Lines `from` to `from + n` of one row; `last` when the row ends here. */
  const part = (cells: Cell[], lines: string[][], tds: El[], from: number, n: number, last: boolean, stripe: boolean) => {
    const [y, h] = [flow.y, n * lh + 2 * PAD];
    flow.artifact(() => {
      if (stripe) doc.rect(flow.left, y, flow.width, h).fill(ZEBRA);
      cells.forEach((cell, i) => {
        lines[i]!.slice(from, from + n).forEach((line, k) => {
          if (!cell.swatch || !line) return;
          const w = flow.textWidth(line, styleOf(cell)) + 2 * CHIP;
          doc.roundedRect(xs[i]! + PAD, y + PAD + k * lh, w, lh, 2).fill(cell.swatch.fill);
        });
        if (cell.writeIn && last) {
          doc.moveTo(xs[i]! + PAD, y + h - PAD - 2).lineTo(xs[i]! + widths[i]! - PAD, y + h - PAD - 2).lineWidth(0.5).stroke(INK);
        }
      });
      doc.moveTo(flow.left, y + h).lineTo(flow.left + flow.width, y + h).lineWidth(0.4).stroke(RULE);
    });
    cells.forEach((cell, i) => {
      const slice = lines[i]!.slice(from, from + n);
      if (!slice.some(Boolean)) return;
      const x = xs[i]! + PAD + (cell.swatch ? CHIP : 0);
      flow.content(tds[i]!, () => flow.drawLines(slice, x, y + PAD, lh, styleOf(cell)));
    });
    flow.y += h;
  };

  const firstRow = body[0] ? Math.max(...body[0].map((l) => l.length)) : 0;
  flow.ensure(headH + Math.min(firstRow, 3) * lh + 2 * PAD);
  header(true);
  const fullRoom = Math.floor((flow.pageHeight - headH - 2 * PAD) / lh);
  body.forEach((lines, r) => {
    const cells = rows[r]!;
    const tr = flow.struct(tableEl, 'TR');
    const tds = cells.map(() => flow.struct(tr, 'TD'));
    const total = Math.max(o.minLines ?? 1, ...lines.map((l) => l.length));
    let from = 0;
    while (from < total) {
      const rest = total - from;
      const room = Math.floor((flow.bottom - flow.y - 2 * PAD) / lh);
      // Move the row whole if it fits on a fresh page; split it only when it never would.
      if (room < rest && (rest <= fullRoom || room < 3)) {
        nextPage();
        continue;
      }
      const n = Math.min(room, rest);
      part(cells, lines, tds, from, n, from + n === total, r % 2 === 1);
      from += n;
      if (from < total) nextPage();
    }
  });
  flow.y += 10;
}
