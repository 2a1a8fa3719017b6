// The embedded font subset, written as bytes directly. fontkit writes it through its generic
// table encoder, which decodes the tables it copies (head, hhea, maxp, cvt, prep, fpgm) into
// objects and encodes them again field by field: ~6 ms a font. The subset is nine tables in
// fontkit's order, each either copied from the font with one count changed, or made from the
// glyphs; the bytes are fontkit's to the last one (test/pdf-text-ops.test.ts compares them).
// A font this does not know well enough (variations, tables of unexpected size, a head whose
// macStyle fontkit would not copy whole) is written by fontkit as before.

/** The parts of fontkit's TrueType font and subset that writing the subset reads. */
export interface SubsetSource {
  glyphs: number[];
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
  font: {
    _variationProcessor?: unknown;
    loca: { version: number };
    directory?: { tables?: Record<string, { offset: number; length: number } | undefined> };
    stream?: { buffer?: Uint8Array };
  };
}

/** fontkit's order, and the size of the copied tables whose fields it encodes one by one. */
const ORDER = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;
const FIXED: Partial<Record<(typeof ORDER)[number], number>> = { head: 54, hhea: 36, maxp: 32 };
/** macStyle bits fontkit decodes (bold ... extended); any other bit it would drop. */
const MAC_STYLE_KNOWN = 0x7f;

export function subsetWrittenDirectly(subset: SubsetSource): void {
  const own = subset.encode;
  if (typeof own !== 'function' || typeof subset._addGlyph !== 'function') return; // not the fontkit we know
  subset.encode = function (this: SubsetSource): Uint8Array {
    const { font } = this;
    const tables = font.directory?.tables;
    const bytes = font.stream?.buffer;
    if (font._variationProcessor || !tables || !bytes) return own.call(this);
    const raw = (tag: string): Uint8Array | undefined => {
      const t = tables[tag];
      return t && t.offset + t.length <= bytes.length ? bytes.subarray(t.offset, t.offset + t.length) : undefined;
    };
    for (const [tag, size] of Object.entries(FIXED)) if (raw(tag)?.length !== size) return own.call(this);
    const head = Uint8Array.from(raw('head')!);
    const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (view(head).getUint16(44) & ~MAC_STYLE_KNOWN) return own.call(this);

    // The glyphs, added as fontkit's encode adds them (composites bring their parts).
    this.glyf = [];
    this.offset = 0;
    this.loca = { offsets: [], version: font.loca.version };
    this.hmtx = { metrics: [], bearings: [] };
    for (let i = 0; i < this.glyphs.length; ) this._addGlyph(this.glyphs[i++]!);
    this.loca.offsets.push(this.offset);

    view(head).setInt16(50, this.loca.version);
    const hhea = Uint8Array.from(raw('hhea')!);
    view(hhea).setUint16(34, this.hmtx.metrics.length);
    const maxp = Uint8Array.from(raw('maxp')!);
    view(maxp).setUint16(4, this.glyf.length);
    const short = this.loca.version === 0;
    const loca = new Uint8Array(this.loca.offsets.length * (short ? 2 : 4));
    this.loca.offsets.forEach((o, i) => (short ? view(loca).setUint16(i * 2, o >>> 1) : view(loca).setUint32(i * 4, o)));
    const hmtx = new Uint8Array(this.hmtx.metrics.length * 4);
    this.hmtx.metrics.forEach((m, i) => {
      view(hmtx).setUint16(i * 4, m.advance);
      view(hmtx).setInt16(i * 4 + 2, m.bearing);
    });
    const glyf = Buffer.concat(this.glyf);
    const made: Record<string, Uint8Array | undefined> = { head, hhea, loca, maxp, 'cvt ': raw('cvt '), prep: raw('prep'), glyf, hmtx, fpgm: raw('fpgm') };

    // The table directory, as fontkit writes it: no checksums, each table straight after the last.
    const present = ORDER.filter((tag) => made[tag]);
    const n = present.length;
    const power = 2 ** Math.floor(Math.log2(n));
    const out = new Uint8Array(12 + 16 * n + present.reduce((s, tag) => s + made[tag]!.length, 0));
    const dir = view(out);
    out.set([0x74, 0x72, 0x75, 0x65]); // 'true'
    dir.setUint16(4, n);
    dir.setUint16(6, power * 16);
    dir.setUint16(8, Math.log2(power));
    dir.setUint16(10, n * 16 - power * 16);
    let at = 12 + 16 * n;
    present.forEach((tag, i) => {
      const data = made[tag]!;
      const entry = 12 + 16 * i;
      for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
      dir.setUint32(entry + 4, 0);
      dir.setUint32(entry + 8, at);
      dir.setUint32(entry + 12, data.length);
      out.set(data, at);
      at += data.length;
    });
    return out;
  };
}
