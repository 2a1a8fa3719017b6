// The page cursor: every piece of the report is drawn through here, so every line is
// wrapped to the text block, every page break is decided here, and every mark on the page
// is either tagged content or an artifact.
import { clean } from '../../outside.js';
import { glyphHex, printable, widthAt, type EmbeddedFont, type FontName, type GlyphSource } from './fonts.js';
import { wrap } from './wrap.js';

export type Doc = PDFKit.PDFDocument;
export type El = PDFKit.PDFStructureElement;
/** pdfkit also reads `scope` (table header cells) and `bbox` (figures); its types omit them. */
export type StructOptions = PDFKit.Mixins.StructureElementOptions & {
  scope?: 'Column' | 'Row';
  bbox?: [number, number, number, number];
};

/** A4 in points, with room above and below the text block for header and footer. */
export const PAGE = { width: 595.28, height: 841.89, left: 56, right: 56, top: 76, bottom: 64 } as const;

export const INK = '#1A1A1A';
export const MUTED = '#4A4A4A';
export const RULE = '#8C8C8C';

export interface Style {
  font: FontName;
  size: number;
  colour?: string;
  /** Line height as a multiple of the size. */
  leading?: number;
}

export const STYLE = {
  body: { font: 'regular', size: 10 },
  bodyBold: { font: 'bold', size: 10 },
  small: { font: 'regular', size: 8.5, colour: MUTED },
  cell: { font: 'regular', size: 8.5, leading: 1.3 },
  cellBold: { font: 'bold', size: 8.5, leading: 1.3 },
  h1: { font: 'bold', size: 24, leading: 1.2 },
  h2: { font: 'bold', size: 16, leading: 1.25 },
  h3: { font: 'bold', size: 11, leading: 1.3 },
} satisfies Record<string, Style>;

export interface BlockOptions {
  x?: number;
  width?: number;
  gapAfter?: number;
  /** Drawn before the first line, hanging in the indent (a list dash). */
  bullet?: string;
  /** Structure options for the element, such as alternative text. */
  struct?: StructOptions;
}

/** The parts of pdfkit's document that drawing text goes through. */
interface PdfkitText {
  _font: EmbeddedFont & { id: string; ascender: number; ref(): unknown };
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** A number as pdfkit writes one into content: rounded to six places. */
function num(n: number): string {
  if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number: ${n}`); // as pdfkit does
  return `${Math.round(n * 1e6) / 1e6}`;
}

/** Text for one line: a line break inside it (an authority typed on two lines) is a space. */
export const oneLine = (text: string): string => (text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ').trim() : text);

export class Flow {
  y: number = PAGE.top;
  private readonly glyphs = new Map<FontName, Map<number, boolean>>();
  /** The page's fill colour may differ from pdfkit's record (a new or switched-to page). */
  private stale = true;

  constructor(
    readonly doc: Doc,
    private readonly fonts: Record<FontName, string>,
  ) {}

  get left(): number {
    return PAGE.left;
  }
  get width(): number {
    return PAGE.width - PAGE.left - PAGE.right;
  }
  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }
  get pageHeight(): number {
    return this.bottom - PAGE.top;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = PAGE.top;
    this.stale = true;
  }

  /** Go back to an earlier page (bufferPages) to draw on it. */
  switchTo(page: number): void {
    this.doc.switchToPage(page);
    this.stale = true;
  }

  /** Start a new page unless `h` more points fit on this one. */
  ensure(h: number): void {
    if (this.y + h > this.bottom) this.newPage();
  }

  lineHeight(s: Style): number {
    return s.size * (s.leading ?? 1.35);
  }

  use(s: Style): Doc {
    const doc = this.doc.font(this.fonts[s.font]).fontSize(s.size);
    // Setting the colour for every line is a fifth of the drawing time; pdfkit records the
    // last fill colour set by any means (fillColor, fill(colour)), so skip it when unchanged.
    const colour = s.colour ?? INK;
    if (this.stale || (doc as unknown as { _fillColor?: [unknown] })._fillColor?.[0] !== colour) {
      doc.fillColor(colour);
      this.stale = false;
    }
    return doc;
  }

  textWidth(text: string, s: Style): number {
    return this.measure(s)(text);
  }

  /** Width of text in this style, as pdfkit's widthOfString gives it. */
  private measure(s: Style): (text: string) => number {
    const doc = this.use(s) as unknown as PdfkitText;
    return widthAt(doc._font, s.size);
  }

  /** User text made safe and printable in this style's font. */
  printable(text: string, s: Style): string {
    let known = this.glyphs.get(s.font);
    if (!known) this.glyphs.set(s.font, (known = new Map()));
    this.use(s);
    const font = (this.doc as unknown as { _font: { font: GlyphSource } })._font.font;
    return printable(clean(text), font, known);
  }

  lines(text: string, width: number, s: Style): string[] {
    const safe = this.printable(text.trim(), s);
    return wrap(safe, width - 0.5, this.measure(s));
  }

  /** One line of text whose top is at y; glyphs sit centred in the line height. */
  drawLine(text: string, x: number, y: number, s: Style): void {
    this.drawLines([text], x, y, 0, s);
  }

  /**
   * Lines of text `lh` apart, the first with its top at y. Each line is written as pdfkit's
   * `text(line, x, y, { lineBreak: false })` writes it, operator for operator, but as one
   * piece of content for all of them: going through `text()` a line at a time cost a third
   * of the render in option handling and small writes.
   */
  drawLines(lines: readonly string[], x: number, y: number, lh: number, s: Style): void {
    const texts = lines.map(oneLine);
    if (!texts.some(Boolean)) return; // as text() did: not even a colour for nothing to draw
    const doc = this.use(s) as unknown as PdfkitText;
    const font = doc._font;
    const page = doc.page;
    // pdfkit puts the ascender at y; DejaVu's ascender plus descender is 1.164 em.
    const centre = (this.lineHeight(s) - s.size * 1.164) / 2;
    const ascender = (font.ascender / 1000) * s.size;
    let out = '';
    texts.forEach((text, k) => {
      if (!text) return;
      page.fonts[font.id] ??= font.ref();
      const glyphs = glyphHex(font, text);
      // The baseline worked out in the order pdfkit works it out, so it rounds the same.
      const baseline = page.height - (y + k * lh + centre) - ascender;
      out += `q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(baseline)} Tm\n`;
      out += `/${font.id} ${num(s.size)} Tf\n[<${glyphs}> 0] TJ\nET\nQ\n`;
    });
    doc.addContent(out.slice(0, -1));
  }

  struct(parent: El, tag: string, options: StructOptions = {}): El {
    const el = this.doc.struct(tag, options);
    parent.add(el);
    return el;
  }

  /** Draw `draw` as marked content belonging to `el`. */
  content(el: El, draw: () => void): void {
    const tag = (el as unknown as { dictionary: { data: { S: string } } }).dictionary.data.S;
    el.add(this.doc.markStructureContent(tag));
    draw();
    this.doc.endMarkedContent();
  }

  /** Draw decoration that is not content (rules, fills): readers skip it. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** Wrapped text as one structure element, continuing onto new pages as needed. */
  block(parent: El, tag: string, text: string, s: Style, o: BlockOptions = {}): El {
    const el = this.struct(parent, tag, o.struct);
    const x = o.x ?? this.left;
    const lines = this.lines(text, o.width ?? this.width - (x - this.left), s);
    const lh = this.lineHeight(s);
    let i = 0;
    while (i < lines.length) {
      this.ensure(lh);
      const fit = Math.max(1, Math.floor((this.bottom - this.y) / lh));
      const chunk = lines.slice(i, i + fit);
      const y = this.y;
      this.content(el, () => {
        if (i === 0 && o.bullet) this.drawLine(o.bullet, x - 10, y, s);
        this.drawLines(chunk, x, y, lh, s);
      });
      this.y += chunk.length * lh;
      i += chunk.length;
    }
    this.y += o.gapAfter ?? s.size * 0.6;
    return el;
  }

  heading(parent: El, level: 1 | 2 | 3, text: string): El {
    const s = level === 1 ? STYLE.h1 : level === 2 ? STYLE.h2 : STYLE.h3;
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(this.lineHeight(s) * 2 + 36);
    if (this.y > PAGE.top) this.y += s.size * 0.5;
    return this.block(parent, `H${level}`, text, s, { gapAfter: s.size * 0.45 });
  }

  /** A small heading (H3) with its paragraph, kept together at a page break. */
  labelled(parent: El, label: string, text: string, s: Style = STYLE.body): void {
    this.ensure(this.lineHeight(STYLE.h3) + this.lineHeight(s) * 2);
    this.block(parent, 'H3', label, STYLE.h3, { gapAfter: 1 });
    this.block(parent, 'P', text, s);
  }
}
