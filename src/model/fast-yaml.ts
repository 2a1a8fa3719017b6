// A fast reader for the plain, block-style YAML that dutykit writes and its examples use.
//
// Why: parsing a 19 KB assessment with the yaml package is most of the time `rate` and
// `report` take to start (30-45 ms in a fresh process), because a fresh process runs the
// package's general parser cold. Files written by `dutykit init` and `assess`, and most files
// written by hand, use a small part of YAML: block mappings of plain word keys, block lists,
// one-line scalars, `|` and `>` blocks, one-line `[a, b]` and `{ k: v }`, comments.
//
// The guarantee: when `readSimpleYaml` returns a value, it is exactly the data that
// `parseDocument(text, PARSE).toJS()` gives (key order, numbers, null, -0 alike), the yaml
// package would report no error and no warning for the text, and `checkShape` would report
// no problem (no duplicate key, every key plain text, nesting and lengths within the limits).
// For anything else, and whenever in doubt, it returns undefined and the caller reads the file
// with the yaml package, which stays the only source of error messages, positions and the
// editable Document. test/fast-yaml.test.ts checks this against the yaml package on generated
// and damaged files.
//
// The subset, deliberately narrow (anything else is refused, not guessed at):
// - LF line ends; no tab, control character, byte-order mark or line separator anywhere;
//   no `---`, `...` or `%` starting a line.
// - The document is a block mapping or block list starting in column 0.
// - Keys are words of letters, digits, `_` and `-`, starting with a letter or `_`, that the
//   core schema reads as text (not `null`, `true`, ...), followed by `:` and a space or the line end.
// - A value on the key's (or dash's) line is a one-line plain, 'single' or "double" quoted
//   scalar, a one-level flow collection on one line, or a `|`, `|-`, `>` or `>-` block;
//   otherwise the value is the block mapping or list on the following lines, or null.
// - Comments: whole lines, and after a value with a space before the `#`.

export interface FastLimits {
  /** Levels of nesting, counted as checkShape counts them (the root is level 0). */
  depth: number;
  /** UTF-16 units in one value or key: longer text is left to the full check. */
  string: number;
}

/** The data of a YAML text in the simple subset, or undefined: "not sure, let the yaml package read it". */
export function readSimpleYaml(text: string, limits: FastLimits): unknown {
  if (UNSAFE_CHARACTER.test(text) || MARKER_LINE.test(text)) return undefined;
  try {
    return new Reader(text, limits).document();
  } catch {
    // Bail, thrown on the first thing outside the subset. Any other error (a bug here, a
    // stack overflow) also only means the yaml package reads the file, as before.
    return undefined;
  }
}

// Characters whose handling in YAML is subtle (tabs, CR, controls, NEL, BOM, line and
// paragraph separators, lone surrogates): a file with any of them is left to the yaml package.
const UNSAFE_CHARACTER = /[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udfff]/u;
/** A line starting with a document marker or a directive. */
const MARKER_LINE = /^(?:---|\.\.\.|%)/m;

class Bail extends Error {}
function bail(): never {
  throw new Bail();
}

/** The yaml package refuses a key longer than 1024 characters; shorter ones are safe by a margin. */
const MAX_KEY = 1000;
const KEY = /[A-Za-z_][A-Za-z0-9_-]*/y;
/** What a plain scalar may not start with (YAML indicators and space); `-` is checked apart. */
const NOT_PLAIN_START = new Set([...' ?:,[]{}#&*!|>\'"%@`']);
const FLOW_INDICATOR = new Set([...',[]{}']);

const isBlank = (line: string): boolean => {
  for (let i = 0; i < line.length; i++) if (line[i] !== ' ') return false;
  return true;
};
const indentOf = (line: string): number => {
  let i = 0;
  while (line[i] === ' ') i++;
  return i;
};
const skipSpaces = (line: string, i: number): number => {
  while (line[i] === ' ') i++;
  return i;
};
/** A block list entry at `col`: a dash followed by a space or the end of the line. */
const isDash = (line: string, col: number): boolean => line[col] === '-' && (col + 1 === line.length || line[col + 1] === ' ');

class Reader {
  readonly lines: string[];
  /** The line being read. */
  i = 0;

  constructor(
    text: string,
    readonly limits: FastLimits,
  ) {
    this.lines = text.split('\n');
  }

  document(): unknown {
    const first = this.nextContent();
    if (first < 0 || indentOf(this.lines[first]!) !== 0) bail();
    const data = this.blockCollection(0, 0);
    if (this.nextContent() >= 0) bail(); // something after the root collection
    return data;
  }

  /** Moves to the next line that is neither blank nor a comment; its index, or -1 at the end. */
  nextContent(): number {
    for (; this.i < this.lines.length; this.i++) {
      const line = this.lines[this.i]!;
      const at = indentOf(line);
      if (at < line.length && line[at] !== '#') return this.i;
    }
    return -1;
  }

  /** A value `depth` levels down: checkShape refuses one deeper than the limit. */
  checkDepth(depth: number): void {
    if (depth > this.limits.depth) bail();
  }

  /** A block mapping or list starting at column `col` of the current line. */
  blockCollection(col: number, depth: number): unknown {
    this.checkDepth(depth);
    const line = this.lines[this.i]!;
    return isDash(line, col) ? this.sequence(col, depth) : this.mapping(col, depth);
  }

  /** A block list whose dashes are in column `col`; the current line has the first. */
  sequence(col: number, depth: number): unknown[] {
    this.checkDepth(depth);
    const out: unknown[] = [];
    for (;;) {
      const line = this.lines[this.i]!;
      const at = skipSpaces(line, col + 1);
      if (at === line.length || line[at] === '#') {
        this.i++;
        out.push(this.valueBelow(col, depth + 1, false));
      } else if (isDash(line, at)) {
        bail(); // `- - x`: a list in a list on one line
      } else if (this.keyAt(line, at)) {
        out.push(this.mapping(at, depth + 1)); // `- key: value`, the mapping's keys in column `at`
      } else {
        out.push(this.valueOnLine(line, at, col, depth + 1));
      }
      const next = this.nextContent();
      if (next < 0) return out;
      const indent = indentOf(this.lines[next]!);
      // A line less indented, or as indented but not an entry, ends the list (the caller checks it).
      if (indent < col || (indent === col && !isDash(this.lines[next]!, col))) return out;
      if (indent > col) bail();
    }
  }

  /** A block mapping whose keys are in column `col`; the current line has the first. */
  mapping(col: number, depth: number): Record<string, unknown> {
    this.checkDepth(depth);
    const out: Record<string, unknown> = {};
    for (;;) {
      const line = this.lines[this.i]!;
      const key = this.keyAt(line, col);
      if (!key) bail();
      if (Object.hasOwn(out, key)) bail(); // a duplicate key
      const at = skipSpaces(line, col + key.length + 1);
      let value: unknown;
      if (at === line.length || line[at] === '#') {
        this.i++;
        value = this.valueBelow(col, depth + 1, true);
      } else {
        value = this.valueOnLine(line, at, col, depth + 1);
      }
      setKey(out, key, value);
      const next = this.nextContent();
      if (next < 0) return out;
      const indent = indentOf(this.lines[next]!);
      if (indent < col) return out;
      if (indent > col) bail(); // a plain scalar going on over lines, or bad indentation
    }
  }

  /**
   * The value of a key or list entry with nothing after it on its line: a block collection
   * more indented than `col` on the next line, a list at `col` itself (allowed after a key),
   * or null.
   */
  valueBelow(col: number, depth: number, listAtSameIndent: boolean): unknown {
    this.checkDepth(depth);
    const next = this.nextContent();
    if (next < 0) return null;
    const line = this.lines[next]!;
    const indent = indentOf(line);
    if (indent > col) return this.blockCollection(indent, depth);
    if (indent === col && listAtSameIndent && isDash(line, col)) return this.sequence(col, depth);
    return null;
  }

  /** The key at `col` of a `key:` line, or undefined if the line does not have one there. */
  keyAt(line: string, col: number): string | undefined {
    KEY.lastIndex = col;
    const m = KEY.exec(line);
    if (!m) return undefined;
    const end = col + m[0].length;
    if (line[end] !== ':' || (end + 1 < line.length && line[end + 1] !== ' ')) return undefined;
    const key = m[0];
    // `null`, `true` and the like are not text keys; a very long key is an error in YAML.
    if (typeof resolvePlain(key) !== 'string' || key.length > MAX_KEY || key.length > this.limits.string) bail();
    return key;
  }

  /** A value that starts at `at` on the current line, whose key or dash is in column `col`. */
  valueOnLine(line: string, at: number, col: number, depth: number): unknown {
    this.checkDepth(depth);
    const c = line[at]!;
    if (c === '|' || c === '>') return this.blockScalar(line, at, col);
    let value: unknown;
    let end: number;
    if (c === '[' || c === '{') [value, end] = this.flow(line, at, depth);
    else [value, end] = this.scalar(line, at, false);
    // Only spaces and a comment may follow on the line.
    const rest = skipSpaces(line, end);
    if (rest < line.length && !(line[rest] === '#' && rest > end)) bail();
    this.i++;
    return value;
  }

  /** A quoted or plain scalar on one line from `at`: its value and where it ends. */
  scalar(line: string, at: number, inFlow: boolean): [unknown, number] {
    const c = line[at];
    if (c === '"') return this.doubleQuoted(line, at);
    if (c === "'") return this.singleQuoted(line, at);
    return this.plain(line, at, inFlow);
  }

  plain(line: string, at: number, inFlow: boolean): [unknown, number] {
    const c = line[at];
    if (c === undefined || NOT_PLAIN_START.has(c)) bail();
    // `-5`, `-x`: a dash starts a plain scalar only when it is not an entry indicator.
    if (c === '-' && (at + 1 === line.length || line[at + 1] === ' ' || FLOW_INDICATOR.has(line[at + 1]!))) bail();
    let end = at;
    for (let j = at; j < line.length; j++) {
      const ch = line[j]!;
      if (ch === ' ') {
        if (line[j + 1] === '#') {
          if (inFlow) bail(); // a comment inside a flow collection: it goes on over lines
          break;
        }
        continue;
      }
      if (ch === ':') {
        const next = line[j + 1];
        // `: ` would make a key; in a flow collection `:,` and `:]` too.
        if (next === undefined || next === ' ' || (inFlow && FLOW_INDICATOR.has(next))) bail();
      }
      if (inFlow && FLOW_INDICATOR.has(ch)) break;
      end = j + 1;
    }
    const source = line.slice(at, end);
    const value = resolvePlain(source);
    this.checkLength(value);
    return [value, end];
  }

  singleQuoted(line: string, at: number): [string, number] {
    let value = '';
    for (let j = at + 1; j < line.length; j++) {
      if (line[j] !== "'") value += line[j];
      else if (line[j + 1] === "'") value += "'", j++;
      else return [this.checkLength(value), j + 1];
    }
    return bail(); // not closed on this line
  }

  doubleQuoted(line: string, at: number): [string, number] {
    let value = '';
    for (let j = at + 1; j < line.length; j++) {
      const ch = line[j]!;
      if (ch === '"') return [this.checkLength(value), j + 1];
      if (ch !== '\\') {
        value += ch;
        continue;
      }
      const e = line[++j];
      if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
        value += ESCAPES[e];
      } else if (e === 'x' || e === 'u' || e === 'U') {
        const hex = line.slice(j + 1, j + 1 + HEX_LENGTH[e]);
        if (hex.length !== HEX_LENGTH[e] || !/^[0-9a-fA-F]+$/.test(hex)) bail();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) bail();
        value += String.fromCodePoint(code);
        j += hex.length;
      } else {
        bail(); // an unknown escape, or `\` ending the line (the text goes on)
      }
    }
    return bail(); // not closed on this line
  }

  /** `[a, b]` or `{ k: v, ... }` on one line, one level deep, from `at`: its value and where it ends. */
  flow(line: string, at: number, depth: number): [unknown, number] {
    const isMap = line[at] === '{';
    const close = isMap ? '}' : ']';
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    let j = skipSpaces(line, at + 1);
    if (line[j] === close) return [isMap ? map : list, j + 1];
    this.checkDepth(depth + 1);
    for (;;) {
      let value: unknown;
      if (isMap) {
        KEY.lastIndex = j;
        const key = KEY.exec(line)?.[0];
        if (!key || line[j + key.length] !== ':' || line[j + key.length + 1] !== ' ') bail();
        if (typeof resolvePlain(key) !== 'string' || key.length > MAX_KEY || key.length > this.limits.string) bail();
        if (Object.hasOwn(map, key)) bail();
        [value, j] = this.scalar(line, skipSpaces(line, j + key.length + 1), true);
        setKey(map, key, value);
      } else {
        [value, j] = this.scalar(line, j, true);
        list.push(value);
      }
      j = skipSpaces(line, j);
      if (line[j] === close) return [isMap ? map : list, j + 1];
      if (line[j] !== ',') bail();
      j = skipSpaces(line, j + 1);
      if (line[j] === close) bail(); // a trailing comma
    }
  }

  /**
   * A `|`, `|-`, `>` or `>-` block scalar whose header is at `at` on the current line, under a
   * key or dash in column `col`. Follows resolveBlockScalar in the yaml package
   * (compose/resolve-block-scalar.js) for the cases kept: more-indented lines in a folded
   * block, and blank lines with more spaces than the text, are refused.
   */
  blockScalar(line: string, at: number, col: number): string {
    const folded = line[at] === '>';
    let h = at + 1;
    const strip = line[h] === '-';
    if (strip) h++;
    // After the header only spaces, or spaces and a comment (no `+`, no indentation digit).
    const rest = skipSpaces(line, h);
    if (rest < line.length && !(line[rest] === '#' && rest > h)) bail();
    this.i++;
    const lines = this.lines;
    const start = this.i;
    let first = start;
    while (first < lines.length && isBlank(lines[first]!)) first++;
    if (first === lines.length) bail(); // an empty block at the end
    const indent = indentOf(lines[first]!);
    if (indent <= col) bail(); // an empty block: left to the yaml package
    // The block runs to the first non-blank line indented less than its first line.
    let end = first; // one past the last line with text
    let k = start;
    for (; k < lines.length; k++) {
      const l = lines[k]!;
      if (isBlank(l)) {
        if (l.length > indent) bail(); // spaces past the indentation: content, or an error
      } else if (indentOf(l) < indent) {
        break;
      } else {
        end = k + 1;
      }
    }
    this.i = k;
    let value = '\n'.repeat(first - start); // leading blank lines are kept as line breaks
    if (!folded) {
      value += lines.slice(first, end).map((l) => l.slice(indent)).join('\n');
    } else {
      // Lines fold into one with spaces; a blank line is a line break, each further blank line one more.
      let sep = '';
      for (let q = first; q < end; q++) {
        const l = lines[q]!;
        if (isBlank(l)) {
          if (sep === '\n') value += '\n';
          else sep = '\n';
        } else {
          if (indentOf(l) > indent) bail(); // more-indented lines keep their breaks: not handled here
          value += sep + l.slice(indent);
          sep = ' ';
        }
      }
    }
    if (!strip) value += '\n';
    return this.checkLength(value);
  }

  checkLength<T>(value: T): T {
    if (typeof value === 'string' && value.length > this.limits.string) bail();
    return value;
  }
}

/** As the yaml package adds a pair to a plain object (nodes/addPairToJSMap.js): a key that `{}` already has, such as `constructor`, becomes an own property. */
function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key in map) Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}

// Double-quoted escapes, as compose/resolve-flow-scalar.js has them (a tab never gets here).
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const HEX_LENGTH = { x: 2, u: 4, U: 8 };

// The YAML 1.2 core schema as the yaml package resolves a plain scalar with
// `resolveKnownTags: false` (schema/core/schema.js: null, bool, int in octal, decimal and hex,
// then float: .inf/.nan, exponent, decimal), the regular expressions copied from
// schema/common/null.js, schema/core/bool.js, int.js and float.js; anything else is text.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

export function resolvePlain(s: string): string | number | boolean | null {
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10); // `-0` is -0; past 2^53 the nearest number, as the package gives
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}
