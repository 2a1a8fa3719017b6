// pdfkit's stream objects (page content, fonts, metadata), written with less work. pdfkit
// turns every small write to a stream into bytes a character at a time, joins them, then
// compresses the whole at zlib's default level. Here a stream keeps its writes as they come
// and is turned into bytes once, then compressed at level 1: for a 17-page report that
// deflates in about half the time, for a file about a tenth larger (~150 KB, not ~138 KB).
// pdfkit still writes the object itself, so the stream's dictionary and length are its own.
// Other documents (the tests make their own) are written by pdfkit's code as before.
import { deflateSync } from 'node:zlib';
import type { Doc } from './flow.js';

/** The parts of pdfkit's PDFReference that writing a stream goes through. */
interface StreamRef {
  document: object;
  buffer: (string | Uint8Array)[] | Uint8Array;
  compress: boolean;
  uncompressedLength: number;
  data: { Length?: number; Filter?: string };
  write(chunk: unknown): void;
  finalize(): void;
}

export const LEVEL = 1;

/** The stream's writes as one run of bytes, in order: strings a byte per character, as pdfkit makes them. */
function bytesOf(chunks: readonly (string | Uint8Array)[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let text = '';
  for (const c of chunks) {
    if (typeof c === 'string') {
      text += c;
      continue;
    }
    if (text) parts.push(Buffer.from(text, 'latin1'));
    text = '';
    parts.push(c);
  }
  if (text) parts.push(Buffer.from(text, 'latin1'));
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** Documents whose streams are written here; pdfkit's own code writes any other's. */
const faster = new WeakSet<object>();
const patched = new WeakSet<object>();

/** Write this document's streams as above (pdfkit's class is changed once, for the documents named here). */
export function fasterStreams(doc: Doc): void {
  const root = (doc as unknown as { _root?: StreamRef })._root;
  const proto = root && (Object.getPrototypeOf(root) as StreamRef);
  // Not the pdfkit we know: its own code writes the streams.
  if (!proto || typeof proto.write !== 'function' || typeof proto.finalize !== 'function' || !Array.isArray(root.buffer)) return;
  faster.add(doc);
  if (patched.has(proto)) return;
  patched.add(proto);
  const { write, finalize } = proto;
  proto.write = function (this: StreamRef, chunk: unknown) {
    if (!faster.has(this.document)) return write.call(this, chunk);
    // As pdfkit's write, less the conversion: a string gets its line end, and is kept as it is.
    const c = chunk instanceof Uint8Array ? chunk : `${String(chunk)}\n`;
    this.uncompressedLength += c.length;
    this.data.Length = (this.data.Length ?? 0) + c.length;
    (this.buffer as (string | Uint8Array)[]).push(c);
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  proto.finalize = function (this: StreamRef) {
    if (faster.has(this.document) && Array.isArray(this.buffer) && this.buffer.length) {
      let bytes = bytesOf(this.buffer);
      if (this.compress) {
        bytes = deflateSync(bytes, { level: LEVEL });
        this.compress = false; // done: pdfkit's finalize must not compress it again
      }
      this.buffer = [bytes];
    }
    finalize.call(this);
  };
}
