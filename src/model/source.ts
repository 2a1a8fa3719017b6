// Reading a YAML file safely: bounded size, text only, positions for every problem.
import { readFileSync, statSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Problem } from '../errors.js';

/** Limits applied before and during parsing (spec §8: inputs are bounded). */
export const LIMITS = {
  bytes: 5 * 1024 * 1024,
  aliases: 100,
  depth: 64,
};

export interface Source {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The plain data, when the YAML parsed cleanly. */
  data: unknown;
  /** Where `path` is in the file: the node, or the nearest parent that exists. */
  at(path: readonly PropertyKey[], message: string, opts?: { key?: string }): Problem;
}

export type SourceResult = { source: Source; problems?: undefined } | { source?: undefined; problems: Problem[] };

const fail = (file: string, message: string, line = 1, col = 1): SourceResult => ({
  problems: [{ file, line, col, path: '', message }],
});

export function readSource(file: string): SourceResult {
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return fail(file, 'is a folder, expected a YAML file');
    if (st.size > LIMITS.bytes) {
      return fail(file, `file is ${(st.size / 1048576).toFixed(1)} MB; the limit is ${LIMITS.bytes / 1048576} MB`);
    }
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(file, 'no such file');
    if (code === 'EACCES') return fail(file, 'permission denied');
    return fail(file, `cannot read: ${(e as Error).message}`);
  }
  return parseSource(file, bytes);
}

export function parseSource(file: string, bytes: Uint8Array): SourceResult {
  if (bytes.length > LIMITS.bytes) return fail(file, `file is larger than ${LIMITS.bytes / 1048576} MB`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail(file, 'binary file (contains a NUL byte); expected YAML text', ...lineCol(bytes, nul));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(file, 'not valid UTF-8 text; save the file as UTF-8');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail(file, 'file is empty');

  const lines = new LineCounter();
  const flow = flowTooDeep(text);
  if (flow >= 0) {
    const pos = new LineCounter();
    parseDocument(text.slice(0, flow + 1), { lineCounter: pos });
    const at = pos.linePos(flow);
    return fail(file, `nested more than ${LIMITS.depth} levels deep`, at.line, at.col);
  }
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problems: Problem[] = doc.errors.map((e) => {
    const pos = lines.linePos(e.pos[0]);
    let message = firstLine(e.message);
    if (/call stack/i.test(e.message)) message = `nested too deeply to read (the limit is ${LIMITS.depth} levels)`;
    if (e.code === 'DUPLICATE_KEY') message = `duplicate key "${keyAt(text, e.pos[0])}": each key may appear only once here`;
    return { file, line: pos.line, col: pos.col, path: '', message };
  });
  if (problems.length) return { problems };

  const at = locator(file, doc, lines);
  const deep = tooDeep(doc.contents);
  if (deep) return { problems: [at(deep, `nested more than ${LIMITS.depth} levels deep`)] };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.aliases });
  } catch (e) {
    const alias = /alias/i.test((e as Error).message);
    const message = alias ? `too many alias expansions (the limit is ${LIMITS.aliases}): a YAML alias bomb is refused` : firstLine((e as Error).message);
    return fail(file, message);
  }
  return { source: { file, doc, lines, data, at } };
}

function keyAt(text: string, offset: number): string {
  return /^[^:\n]*/.exec(text.slice(offset))![0].trim().replace(/^["']|["']$/g, '');
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function lineCol(bytes: Uint8Array, offset: number): [number, number] {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) [line, start] = [line + 1, i + 1];
  return [line, offset - start + 1];
}

/** Offset of the first `[` or `{` nested past the limit, or -1. Quotes and comments are skipped. */
function flowTooDeep(text: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
      else if (c === '\n' && depth === 0) quote = '';
    } else if (c === '"' || (c === "'" && depth > 0)) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) while (i < text.length && text[i] !== '\n') i++;
    else if (c === '[' || c === '{') {
      if (++depth > LIMITS.depth) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '\n' && depth === 0) quote = '';
  }
  return -1;
}

function tooDeep(root: unknown): PropertyKey[] | undefined {
  const stack: [unknown, PropertyKey[]][] = [[root, []]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (path.length > LIMITS.depth) return path.slice(0, LIMITS.depth);
    if (isMap(node)) {
      for (const pair of node.items) stack.push([pair.value, [...path, String(isScalar(pair.key) ? pair.key.value : '?')]]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push([item, [...path, i]]));
    }
  }
  return undefined;
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
    if (opts?.key && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === opts.key);
      if (pair && isScalar(pair.key)) node = pair.key;
    }
    const offset = node?.range?.[0] ?? 0;
    const pos = lines.linePos(offset);
    return { file, line: pos.line, col: pos.col, path: formatPath(opts?.key ? [...path, opts.key] : path), message };
  };
}

/** `benchmarks.venue-hire.answers.policy.answer`, `assessors[0].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}
