// The embedded Unicode font. DejaVu Sans covers Welsh (ŵ, ŷ) and most Latin, Greek and
// Cyrillic text; a letter it lacks is printed as its code point rather than dropped.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type FontName = 'regular' | 'bold';

/** Where the TTFs live, resolved through node_modules so it works from src/ and dist/. */
export function fontFiles(): Record<FontName, string> {
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
}

/** The part of a fontkit font we use: does it draw this code point? */
export interface GlyphSource {
  hasGlyphForCodePoint(cp: number): boolean;
}

const INVISIBLE = /[\p{Cf}\uFE00-\uFE0F]/gu;

/**
 * Text as the font can draw it: composed (so "Llŷn" typed with a combining circumflex
 * still comes out as ŷ), invisible format characters removed, and any other character the
 * font has no glyph for written as [U+XXXX] so the reader sees something is there.
 */
export function printable(s: string, font: GlyphSource, known: Map<number, boolean>): string {
  const text = s.normalize('NFC').replace(INVISIBLE, '');
  let out: string | undefined; // made only once a character needs writing out
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let ok = known.get(cp);
    if (ok === undefined) {
      ok = cp === 0x0a || cp === 0x20 || font.hasGlyphForCodePoint(cp);
      known.set(cp, ok);
    }
    if (!ok) out = `${out ?? text.slice(0, i)}[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`;
    else if (out !== undefined) out += ch;
    i += ch.length;
  }
  return out ?? text;
}

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** The slice of pdfkit's EmbeddedFont that measuring and drawing go through. */
export interface EmbeddedFont {
  font: GlyphSource & { glyphForCodePoint(cp: number): Glyph };
  scale: number;
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: Glyph[] | null; positions: Position[] | null; advanceWidth: number };
  encode(text: string, features?: unknown): [string[], Position[]];
  subset?: { includeGlyph(id: number): number };
  widths?: number[];
  unicode?: number[][];
}

/** What a code point comes to in this font, worked out once. */
interface Entry {
  glyph: Glyph;
  /** Shared by every occurrence: pdfkit reads positions and never changes them. */
  position: Position;
  /** The glyph's id in the embedded subset as four hex digits, once it is drawn. */
  hex?: string;
}

/** The code point at `i` (a lone surrogate is itself, as codePointAt gives it), and how many units it takes. */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return c;
  const lo = text.charCodeAt(i + 1);
  return lo >= 0xdc00 && lo <= 0xdfff ? ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000 : c;
}

/**
 * Lay text out glyph by glyph from the font's character map, without OpenType shaping.
 * fontkit's shaper costs ~0.2 ms a word (most of a report's render time) and buys only
 * kerning and ligatures in the Latin, Greek and Cyrillic text DejaVu covers for us; pdfkit
 * does no bidirectional layout, so scripts that need shaping are not served either way.
 * Measuring and drawing both come through here, so wrapping stays exact. Each character is
 * looked up and encoded once; the PDF bytes are what pdfkit and fontkit would write.
 */
export function plainLayout(embedded: EmbeddedFont): void {
  const { font, scale } = embedded;
  postHeaderOnly(font);
  // The same few hundred characters come round thousands of times: look each up once.
  const known: (Entry | undefined)[] = [];
  const entry = (cp: number): Entry => {
    let e = known[cp];
    if (!e) {
      const glyph = font.glyphForCodePoint(cp);
      const a = glyph.advanceWidth * scale;
      known[cp] = e = { glyph, position: { xAdvance: a, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: a } };
    }
    return e;
  };
  /** The advance of `text` in thousandths of the font size, summed in order as layout() sums it. */
  const widthOf = (text: string): number => {
    let advanceWidth = 0;
    for (let i = 0; i < text.length; i++) {
      const cp = codePointAt(text, i);
      if (cp > 0xffff) i++;
      advanceWidth += entry(cp).position.advanceWidth;
    }
    return advanceWidth;
  };
  (embedded as PlainFont).widthOf = widthOf;
  /** Each character's entry, in order (a surrogate pair is one character). */
  const entries = (text: string): Entry[] => {
    const out: Entry[] = [];
    for (let i = 0; i < text.length; i++) {
      const cp = codePointAt(text, i);
      if (cp > 0xffff) i++;
      out.push(entry(cp));
    }
    return out;
  };
  embedded.layout = (text, _features, onlyWidth) => {
    if (onlyWidth) return { glyphs: null, positions: null, advanceWidth: widthOf(text) };
    const all = entries(text);
    return { glyphs: all.map((e) => e.glyph), positions: all.map((e) => e.position), advanceWidth: widthOf(text) };
  };
  const { subset, widths, unicode } = embedded;
  if (!subset || !widths || !unicode) return; // not the pdfkit we know: its own encode works
  // pdfkit's encode adds each glyph to the subset and formats its id on every occurrence;
  // do that once per character, exactly as it would.
  const hexOf = (e: Entry): string => {
    if (e.hex === undefined) {
      const gid = subset.includeGlyph(e.glyph.id);
      e.hex = gid.toString(16).padStart(4, '0').slice(-4);
      widths[gid] ??= e.glyph.advanceWidth * scale;
      unicode[gid] ??= e.glyph.codePoints;
    }
    return e.hex;
  };
  embedded.encode = (text) => {
    const all = entries(text);
    return [all.map((e) => hexOf(e)), all.map((e) => e.position)];
  };
  /** What encode(text)[0].join('') gives. */
  (embedded as PlainFont).glyphHex = (text) => entries(text).map((e) => hexOf(e)).join('');
}

/** A font plainLayout has set up, which can also measure text without going through pdfkit. */
export interface PlainFont extends EmbeddedFont {
  widthOf(text: string): number;
  glyphHex?(text: string): string;
}

/** The glyph ids of `text` in the font's subset as hex, adding them to the subset: what pdfkit writes in a TJ. */
export function glyphHex(font: EmbeddedFont, text: string): string {
  const own = (font as Partial<PlainFont>).glyphHex;
  return own ? own(text) : font.encode(text)[0].join('');
}

/**
 * The width pdfkit's doc.widthOfString(text) gives in this font and size, worked out as it
 * works it out (so that wrapping is exactly as before), without its option handling.
 */
export function widthAt(font: EmbeddedFont, size: number): (text: string) => number {
  const widthOf = (font as Partial<PlainFont>).widthOf;
  if (!widthOf) return (text) => (font.layout(text, undefined, true).advanceWidth * (size / 1000) + 0) * 100 / 100;
  return (text) => (widthOf(text) * (size / 1000) + 0) * 100 / 100;
}

interface FontkitInternals {
  _tables?: Record<string, unknown>;
  directory?: { tables?: Record<string, { offset: number } | undefined> };
  stream?: { buffer?: Uint8Array };
}

/**
 * pdfkit reads post.isFixedPitch and post.italicAngle when it embeds a font, which makes
 * fontkit decode the whole `post` table: DejaVu's 6,000 glyph names, ~20 ms a font. Fill in
 * just the fixed header (version, italicAngle, underline, isFixedPitch) from the bytes; if
 * the internals are not as expected, fontkit decodes the table as usual.
 */
export function postHeaderOnly(font: unknown): void {
  const f = font as FontkitInternals;
  const entry = f.directory?.tables?.post;
  const bytes = f.stream?.buffer;
  if (!f._tables || 'post' in f._tables || !entry || !bytes || entry.offset + 16 > bytes.length) return;
  const v = new DataView(bytes.buffer, bytes.byteOffset + entry.offset, 16);
  f._tables.post = {
    version: v.getInt32(0) / 65536,
    italicAngle: v.getInt32(4) / 65536,
    underlinePosition: v.getInt16(8),
    underlineThickness: v.getInt16(10),
    isFixedPitch: v.getUint32(12),
  };
}
