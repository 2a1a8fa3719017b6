// Reading a YAML file safely: bounded size, text only, positions for every problem.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../errors.js';
import { prescan } from './prescan.js';
import { english, said, type Said } from './said.js';
import { checkShape } from './shape.js';

/** Limits applied before and during parsing (spec §8: inputs are bounded). */
export const LIMITS = {
  bytes: 5 * 1024 * 1024,
  aliases: 100,
  depth: 64,
  /** Characters in one value or key. */
  string: 100_000,
  /** Lines, list and mapping entries and brackets in one file: a bound on the parser's work. */
  items: 100_000,
  /** Problems reported for one file; the rest are counted in a last line. */
  problems: 100,
};

/**
 * The bound on one file's lines and entries, and what a file of its kind typically has (said
 * when the bound is passed). An assessment's is LIMITS.items; a roster has its own (roster.ts).
 */
export interface ItemLimit {
  items: number;
  /** The kind of file, for what the message says it typically has (problem.tooManyItems). */
  typical: 'assessment' | 'roster';
}

export interface Source {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The plain data, when the YAML parsed cleanly. */
  data: unknown;
  /** Where `path` is in the file: the node, or the nearest parent that exists. A catalogue entry is said in the language asked. */
  at(path: readonly PropertyKey[], message: string | Said, opts?: { key?: string }): Problem;
  /**
   * The file itself, whatever path it was read by (device and inode, from the descriptor it
   * was read through: no look-up of its own); absent for text not read from a file.
   */
  identity?: string;
}

export type SourceResult = { source: Source; problems?: undefined } | { source?: undefined; problems: Problem[] };

/** A problem's message, and its catalogue entry with the file's words in it made visible. */
export function words(message: string | Said): Pick<Problem, 'message' | 'says'> {
  if (typeof message === 'string') return { message: visible(message) };
  const params = Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, typeof v === 'string' ? visible(v) : v]));
  return { message: visible(english(message)), says: { key: message.key, params } };
}

const fail = (file: string, message: string | Said, line = 1, col = 1): SourceResult => ({
  problems: [{ file, line, col, path: '', ...words(message) }],
});

export function readSource(file: string, limit?: ItemLimit): SourceResult {
  let bytes: Buffer;
  let fd: number | undefined;
  let identity: string;
  try {
    // Opened first and asked its size by descriptor: one look-up of the path, not two.
    fd = openSync(file, 'r');
    // Big numbers: an inode past 2^53 (XFS, network drives) would lose its last digits as a number.
    const st = fstatSync(fd, { bigint: true });
    const size = Number(st.size);
    if (st.isDirectory()) return fail(file, said('problem.folder'));
    if (size > LIMITS.bytes) {
      return fail(file, said('problem.tooBig', { size: (size / 1048576).toFixed(1), limit: LIMITS.bytes / 1048576 }));
    }
    identity = `${st.dev}:${st.ino}`;
    bytes = readBounded(fd, size);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(file, said('problem.noFile'));
    if (code === 'EISDIR') return fail(file, said('problem.folder'));
    if (code === 'EACCES' || code === 'EPERM') return fail(file, said('problem.permission'));
    return fail(file, said('problem.cannotRead', { detail: firstLine((e as Error).message) }));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const parsed = parseSource(file, bytes, limit);
  if (parsed.source) parsed.source.identity = identity;
  return parsed;
}

/**
 * The whole file, or one byte past the limit. A pipe or a device (`/dev/stdin`, `/dev/zero`)
 * reports no size, and reading it whole could take all memory; a file's reported size is
 * only where to start, since it may grow while it is read.
 */
function readBounded(fd: number, size: number): Buffer {
  const cap = LIMITS.bytes + 1;
  // A file is read into a buffer of its size (and one byte, to see it has not grown): a larger
  // first guess is garbage for every one of thousands of small returns.
  let buf = Buffer.allocUnsafe(Math.min(cap, size > 0 ? size + 1 : 64 * 1024));
  let n = 0;
  for (;;) {
    const got = readSync(fd, buf, n, buf.length - n, null);
    n += got;
    if (got === 0 || n === cap) return buf.subarray(0, n);
    if (n === buf.length) {
      const bigger = Buffer.allocUnsafe(Math.min(cap, buf.length * 2));
      buf.copy(bigger, 0, 0, n);
      buf = bigger;
    }
  }
}

// YAML 1.2 core types only, whatever `%YAML` or `!!tag` the file asks for: data is text,
// numbers, true/false, null, lists and mappings, never Date, Set, Map or binary.
// Duplicate keys are found by checkShape in linear time (the parser's own check is quadratic).
export const PARSE = { schema: 'core', resolveKnownTags: false, uniqueKeys: false, prettyErrors: false } as const;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function parseSource(file: string, bytes: Uint8Array, limit?: ItemLimit): SourceResult {
  if (bytes.length > LIMITS.bytes) return fail(file, said('problem.largerThan', { limit: LIMITS.bytes / 1048576 }));
  // Text saved as UTF-16 (Notepad's "Unicode"): by its byte-order mark (no UTF-8 text begins
  // with one, an empty file's included), or by a NUL in every other byte of Latin text.
  if (utf16(bytes)) return fail(file, said('problem.utf16'));
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail(file, said('problem.binary'), ...lineCol(bytes, nul));
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return fail(file, said('problem.notUtf8'), ...lineCol(bytes, badUtf8(bytes)));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail(file, said('problem.empty'));

  const refused = prescan(text, limit ? { ...LIMITS, ...limit } : LIMITS);
  if (refused) {
    const before = text.slice(0, refused.offset);
    return fail(file, refused.message, before.split('\n').length, refused.offset - before.lastIndexOf('\n'));
  }
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...PARSE, lineCounter: lines });
  } catch (e) {
    // The parser recurses; a shape it does not guard (block syntax deep inside flow) can exhaust the stack.
    const stack = e instanceof RangeError;
    return fail(file, stack ? said('problem.tooDeepToRead', { depth: LIMITS.depth }) : said('problem.notYaml', { detail: firstLine(String((e as Error)?.message ?? e)) }));
  }
  const tabLines = new Set<number>();
  const problems: Problem[] = [];
  for (const e of doc.errors) {
    const at = position(lines, e.pos[0]);
    // The parser's follow-on complaints about a line indented with a tab say nothing more.
    if (tabLines.has(at.line)) continue;
    // The parser's own words (English) for a syntax error; ours for the ones we explain.
    let message: string | Said = firstLine(e.message);
    if (e.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(e.message)) message = said('problem.tooDeepToRead', { depth: LIMITS.depth });
    // The library's words name its own API; the reader needs to know what `---` did.
    if (e.code === 'MULTIPLE_DOCS') message = said('problem.secondDocument');
    if (e.code === 'TAB_AS_INDENT') {
      tabLines.add(at.line);
      message = said('problem.tabIndent');
    }
    problems.push({ file, ...at, path: '', ...words(message) });
  }
  if (problems.length) return { problems: capped(problems, file) };

  const at = locator(file, doc, lines);
  const shape = checkShape(doc.contents, LIMITS).map((s) => ({ file, ...position(lines, s.offset), path: visible(formatPath(s.path)), ...words(s.message) }));
  if (shape.length) return { problems: capped(shape, file) };
  let data: unknown;
  try {
    // The parser refuses when uses reach its limit; ours allows up to LIMITS.aliases.
    data = doc.toJS({ maxAliasCount: LIMITS.aliases + 1 });
  } catch (e) {
    const alias = /alias/i.test((e as Error).message);
    const message = alias ? said('problem.aliasBomb', { limit: LIMITS.aliases }) : firstLine((e as Error).message);
    return fail(file, message);
  }
  return { source: { file, doc, lines, data, at } };
}

/** The first LIMITS.problems, in file order, and a last line counting the rest. */
export function capped(problems: Problem[], file: string): Problem[] {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
  if (sorted.length <= LIMITS.problems) return sorted;
  const shown = sorted.slice(0, LIMITS.problems);
  const next = sorted[LIMITS.problems]!;
  const more = sorted.length - LIMITS.problems;
  shown.push({ file, line: next.line, col: next.col, path: '', ...words(said('problem.more', { count: more })), more });
  return shown;
}

function position(lines: LineCounter, offset: number): { line: number; col: number } {
  const pos = lines.linePos(offset);
  return { line: Math.max(pos.line, 1), col: Math.max(pos.col, 1) };
}

/**
 * A message safe to print: control characters, ANSI escapes and bidirectional overrides
 * from the file are shown as \u escapes, and a very long message is cut short.
 */
export function visible(message: string): string {
  const shown = message.replace(/[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 400 ? `${shown.slice(0, 399)}…` : shown;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function lineCol(bytes: Uint8Array, offset: number): [number, number] {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) [line, start] = [line + 1, i + 1];
  // Columns count characters, as the parser's do, not bytes.
  let col = 1;
  for (let i = start; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) col++;
  return [line, col];
}

/**
 * UTF-16 by its byte-order mark (either order; not UTF-32's, which begins the same), or, as
 * Latin text in UTF-16 is, by a NUL in every other byte of its start and none in the bytes between.
 */
function utf16(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return true;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return !(bytes[2] === 0 && bytes[3] === 0);
  const head = bytes.subarray(0, Math.min(bytes.length, 64) & ~1);
  if (head.length < 4) return false;
  const zeros = (odd: number) => head.filter((b, i) => i % 2 === odd && b === 0).length;
  const half = head.length / 2;
  return (zeros(0) === half && zeros(1) === 0) || (zeros(1) === half && zeros(0) === 0);
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence. */
function badUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i]!;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    if (len > 1) {
      try {
        decoder.decode(bytes.subarray(i, i + len)); // overlong forms, surrogates and cut sequences throw
      } catch {
        return i;
      }
    }
    i += len;
  }
  return 0;
}

function locator(file: string, doc: Document.Parsed, lines: LineCounter): Source['at'] {
  return (path, message, opts) => {
    let node: Node | undefined;
    let depth = path.length;
    for (; depth >= 0; depth--) {
      const n = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (n && typeof n === 'object' && 'range' in n) {
        node = n as Node;
        break;
      }
    }
    if (opts?.key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === opts.key);
      if (pair && isScalar(pair.key)) node = pair.key;
    }
    const offset = node?.range?.[0] ?? 0;
    return { file, ...position(lines, offset), path: visible(formatPath(opts?.key !== undefined ? [...path, opts.key] : path)), ...words(message) };
  };
}

/** `benchmarks.venue-hire.answers.policy.answer`, `assessors[0].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

