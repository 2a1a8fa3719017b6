// The renderer's shortcuts past pdfkit and fontkit must write what they would have written, to
// the byte. Flow.drawLines writes text operators itself instead of calling pdfkit's text()
// for each line; the embedded font's subset copies simple glyphs without decoding them.
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { fontFiles, plainLayout, type EmbeddedFont } from '../src/report/pdf/fonts.js';
import { Flow, STYLE, type Doc, type Style } from '../src/report/pdf/flow.js';

function newFlow(): Flow {
  const fonts = fontFiles();
  const doc: Doc = new PDFDocument({ size: 'A4', font: fonts.regular, compress: false, bufferPages: true });
  for (const file of Object.values(fonts)) plainLayout((doc.font(file) as unknown as { _font: EmbeddedFont })._font);
  return new Flow(doc, fonts);
}

const chunks = (flow: Flow) => (flow.doc.page as unknown as { content: { buffer: Uint8Array[] } }).content.buffer;
/** The page's content stream, from its `from`th piece on, as text. */
const content = (flow: Flow, from = 0) => Buffer.concat(chunks(flow).slice(from)).toString('latin1');

/** The way lines were drawn before: pdfkit's text(), a line at a time. */
function viaText(flow: Flow, lines: string[], x: number, y: number, lh: number, s: Style): void {
  lines.forEach((line, k) => {
    if (!line) return;
    flow.use(s).text(line, x, y + k * lh + (flow.lineHeight(s) - s.size * 1.164) / 2, { lineBreak: false });
  });
}

describe('drawLines', () => {
  const styles = Object.values(STYLE) as Style[];
  const line = fc.stringMatching(/^[A-Za-z0-9 ,.'()ŵŷôéÿ€–-]{0,30}$/);

  it('writes what pdfkit text() wrote, byte for byte', () => {
    const [ours, theirs] = [newFlow(), newFlow()];
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.double({ min: 40, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 780, noNaN: true }),
        fc.double({ min: 8, max: 30, noNaN: true }),
        fc.constantFrom(...styles),
        (lines, x, y, lh, s) => {
          const [a, b] = [chunks(ours).length, chunks(theirs).length];
          ours.drawLines(lines, x, y, lh, s);
          viaText(theirs, lines, x, y, lh, s);
          expect(content(ours, a)).toBe(content(theirs, b));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('draws nothing, not even a colour, for lines with nothing in them', () => {
    const flow = newFlow();
    const before = content(flow);
    flow.drawLines(['', '', ''], 56, 100, 12, STYLE.body);
    flow.drawLine('', 56, 100, STYLE.h1);
    expect(content(flow)).toBe(before);
  });

  it('prints a line break inside a line as a space', () => {
    const [a, b] = [newFlow(), newFlow()];
    a.drawLine('Ynys Môn\nCouncil', 56, 100, STYLE.body);
    b.drawLine('Ynys Môn Council', 56, 100, STYLE.body);
    expect(content(a)).toBe(content(b));
  });
});

describe('the embedded font subset', () => {
  /** The subset fontkit makes of a DejaVu font for `text`, through our layout and writer or not at all. */
  function subsetBytes(file: string, text: string, ours: boolean): Uint8Array {
    const doc = new PDFDocument({ size: 'A4', font: file, compress: false });
    const font = (doc.font(file) as unknown as { _font: EmbeddedFont & { subset: { encode(): Uint8Array } } })._font;
    if (ours) plainLayout(font);
    font.encode(text);
    return font.subset.encode();
  }

  const fonts = fontFiles();
  it.each([
    ['regular', fonts.regular, 'Ynys Môn, Gŵyr, Llŷn: ÀÉÎÕÜ àéîõü ǅ ĳ Ω Ж ﬁ — “quoted” 0123456789'],
    ['bold', fonts.bold, 'Ynys Môn, Gŵyr, Llŷn: ÀÉÎÕÜ àéîõü ǅ ĳ Ω Ж ﬁ — “quoted” 0123456789'],
    ['regular, one glyph', fonts.regular, 'a'],
    ['bold, nothing but the .notdef glyph', fonts.bold, ''],
  ])('is the same, byte for byte, as fontkit makes it (%s): simple glyphs, accented ones built from parts, and space', (_name, file, text) => {
    const [a, b] = [subsetBytes(file, text, true), subsetBytes(file, text, false)];
    expect(a.length).toBeGreaterThan(text.length > 1 ? 5000 : 1000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('measuring text', () => {
  it("gives pdfkit's widthOfString to the last bit, astral characters and lone surrogates too", () => {
    const flow = newFlow();
    const text = fc.array(fc.oneof(fc.constantFrom('a', 'W', ' ', 'ŵ', 'Ж', '—', '😀', '\ud800', '\udc00', 'ﬁ', '東'), fc.string({ maxLength: 3 })), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(...(Object.values(STYLE) as Style[])), (t, s) => {
        expect(flow.textWidth(t, s)).toBe(flow.use(s).widthOfString(t));
      }),
      { numRuns: 3000 },
    );
  });
});
