// pdfkit's streams as src/report/pdf/streams.ts writes them: every write kept, in order, as
// the bytes pdfkit would have made of it; compressed once, at LEVEL; the dictionary's
// Length is the compressed length, and a stream pdfkit does not compress is left as it is.
import PDFDocument from 'pdfkit';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fasterStreams, LEVEL } from '../src/report/pdf/streams.js';
import type { Doc } from '../src/report/pdf/flow.js';

interface Ref {
  id: number;
  compress: boolean;
  write(chunk: unknown): void;
  end(chunk?: unknown): void;
}

/** A document with the faster streams, its output collected; `draw` adds to it. */
async function written(draw: (doc: Doc & { ref(data: object): Ref }) => void): Promise<Buffer> {
  const doc = new PDFDocument({ compress: true }) as unknown as Doc & { ref(data: object): Ref };
  fasterStreams(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  const done = new Promise((resolve) => doc.on('end', resolve));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** The dictionary and stream bytes of object `id` in a PDF. */
function object(pdf: Buffer, id: number): { dict: string; bytes: Buffer } {
  const text = pdf.toString('latin1');
  const start = text.indexOf(`\n${id} 0 obj\n`);
  const head = text.indexOf('stream\n', start);
  const end = text.indexOf('\nendstream', head);
  return { dict: text.slice(start, head), bytes: pdf.subarray(head + 'stream\n'.length, end) };
}

describe('fasterStreams', () => {
  it('keeps every write in order, as the bytes pdfkit makes of it, compressed once', async () => {
    let id = 0;
    const pdf = await written((doc) => {
      const ref = doc.ref({});
      id = ref.id;
      ref.write('BT');
      ref.write(Uint8Array.from([0, 1, 255, 10]));
      ref.write('caf\u00e9 \u0141'); // one byte a character: é is 0xE9, Ł (U+0141) is cut to 0x41, as pdfkit cuts it
      ref.write(42);
      ref.end('ET');
    });
    const { dict, bytes } = object(pdf, id);
    const expected = Buffer.concat([Buffer.from('BT\n'), Buffer.from([0, 1, 255, 10]), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x41, 0x0a]), Buffer.from('42\nET\n')]);
    expect(inflateSync(bytes)).toEqual(expected);
    // zlib's header says the level: 78 01 is level 1 (pdfkit's own level 6 writes 78 9C).
    expect(LEVEL).toBe(1);
    expect([...bytes.subarray(0, 2)]).toEqual([0x78, 0x01]);
    expect(dict).toContain('/Filter /FlateDecode');
    expect(dict).toContain(`/Length ${bytes.length}`);
  });

  it('leaves a stream pdfkit would not compress as written', async () => {
    let id = 0;
    const pdf = await written((doc) => {
      const ref = doc.ref({ Type: 'Metadata' });
      ref.compress = false;
      id = ref.id;
      ref.write('<x/>');
      ref.end();
    });
    const { dict, bytes } = object(pdf, id);
    expect(bytes.toString('latin1')).toBe('<x/>\n');
    expect(dict).not.toContain('/Filter');
    expect(dict).toContain('/Length 5');
  });

  it('leaves documents it was not given to pdfkit', async () => {
    await written(() => {}); // one document with the faster streams first
    const doc = new PDFDocument({ compress: true });
    const ref = doc.ref({}) as unknown as Ref & { buffer: unknown[] };
    ref.write('BT');
    expect(ref.buffer[0]).toBeInstanceOf(Uint8Array); // pdfkit's own write: bytes at once
  });

  it('writes page content that reads back as drawn', async () => {
    const pdf = await written((doc) => {
      doc.text('Ynys Môn', 50, 50);
      doc.addPage().rect(10, 10, 20, 20).fill('#ff0000');
    });
    const contents = [...pdf.toString('latin1').matchAll(/\/Contents (\d+) 0 R/g)].map((m) => inflateSync(object(pdf, Number(m[1])).bytes).toString('latin1'));
    expect(contents).toHaveLength(2);
    expect(contents[0]).toMatch(/^1 0 0 -1 0 792 cm\n[\s\S]*BT\n[\s\S]* TJ\nET\n/);
    expect(contents[1]).toContain('10 10 20 20 re\n');
  });
});
