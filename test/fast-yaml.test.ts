// The fast YAML reader (src/model/fast-yaml.ts) against the yaml package: for any text it
// either declines (undefined) or gives exactly the package's data for a text the package reads
// with no error or warning and checkShape passes. The files dutykit writes, and the examples,
// must take the fast path, or the speed is lost without any test failing.
// DUTYKIT_FUZZ_RUNS=<n> runs n cases per property; DUTYKIT_FUZZ_SEED=<n> picks other cases.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseDocument } from 'yaml';
import { blankAssessment } from '../src/model/blank.js';
import { checkAssessment } from '../src/model/load-assessment.js';
import { readSimpleYaml, type FastLimits } from '../src/model/fast-yaml.js';
import { prescan } from '../src/model/prescan.js';
import { checkShape } from '../src/model/shape.js';
import { LIMITS, PARSE, parseSource, type Source } from '../src/model/source.js';
import { AssessmentEditor } from '../src/model/write-assessment.js';
import { MINI, valuePaths } from './fuzz-inputs.js';
import { ratingProblems } from '../src/rating/check.js';
import { rateAssessment } from '../src/rating/rate.js';
import { framework, ROOT } from './helpers.js';

// Counts the yaml package's parses, to show that a file read the fast way is not parsed again.
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('yaml', async (original) => {
  const yaml = await original<typeof import('yaml')>();
  return { ...yaml, parseDocument: (...args: Parameters<typeof yaml.parseDocument>) => (parses.count++, yaml.parseDocument(...args)) };
});

const RUNS = Number(process.env.DUTYKIT_FUZZ_RUNS) || 0;
const SEED = Number(process.env.DUTYKIT_FUZZ_SEED) || 20250312;
const TIMEOUT = RUNS ? 4 * 3_600_000 : 60_000;
const params = (n: number) => ({ numRuns: RUNS || n, seed: SEED, endOnFailure: true });

/** Deep equality as the contract has it: arrays and plain objects, key order, -0 and NaN. */
function sameData(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Checks the contract for one text; whether the fast path took it. */
function agrees(text: string, limits: FastLimits = LIMITS): boolean {
  const fast = readSimpleYaml(text, limits);
  if (fast === undefined) return false;
  const doc = parseDocument(text, PARSE);
  const said = [...doc.errors, ...doc.warnings].map((e) => `${e.code}: ${e.message}`);
  expect(said, `the yaml package has complaints about a text the fast path read:\n${text}`).toEqual([]);
  const shape = checkShape(doc.contents, limits).map((p) => p.message);
  expect(shape, `checkShape has complaints about a text the fast path read:\n${text}`).toEqual([]);
  const slow = doc.toJS({ maxAliasCount: LIMITS.aliases + 1 });
  if (!sameData(fast, slow)) {
    expect.fail(`different data for:\n${text}\nfast: ${JSON.stringify(fast)}\nyaml: ${JSON.stringify(slow)}`);
  }
  return true;
}

/**
 * Checks cases and counts how many took the fast path: a generator that stops reaching it
 * tests nothing, so each property asks for a least share. A long run prints the counts.
 */
function tally(name: string) {
  let cases = 0;
  let fast = 0;
  return {
    check(text: string, limits?: FastLimits) {
      cases++;
      if (agrees(text, limits)) fast++;
    },
    done(least: number) {
      if (RUNS) console.log(`${name}: ${cases} cases, ${fast} through the fast path, all agreeing`);
      expect(fast / cases).toBeGreaterThan(least);
    },
  };
}

// ---- a small seeded generator of YAML text in and around the subset -----------------------

/** Random choices from a seed; `odd` is how often a choice goes outside the subset. */
class Rng {
  constructor(
    private s: number,
    readonly odd = 0.1,
  ) {}
  next(): number {
    // mulberry32
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Mostly one of `usual`, sometimes (at the odd rate) one of `odd`. */
  either<T>(usual: readonly T[], odd: readonly T[]): T {
    return this.chance(this.odd) ? this.pick(odd) : this.pick(usual);
  }
}

const KEYS = ['framework', 'authority', 'a', 'b', 'c', 'name', 'role', 'answer', 'evidence', 'links', 'x_y', 'a-b', '_k', 'K9', 'rating', 'date', 'e', 'E1', 'Infinity', 'NaN', 'nulls', 'yes', 'no', 'on', 'Y', 'x--', 'constructor', '__proto__', 'toString', 'k'.repeat(25)];
const ODD_KEYS = [
  'null', 'Null', 'NULL', '~', 'true', 'False', 'TRUE', 'tRue', '1', '01', '-1', '+1', '0x1A', '0o7', '1e3', '.inf', '.nan', '1.5', '-0',
  '2025-03-12', 'a b', 'a:b', '"q"', "'q'", '"a b"', '"null"', '? x', '?x', '-a', '- a', '&a k', '*a', '!!str k', '!k k', '[a]', '{a: b}',
  'Siân', 'Llŷr', 'é', 'k#', 'k #c', '', ' ', 'hasOwnProperty', '<<', '%k', '@k', 'k'.repeat(1030),
];
const PLAIN = [
  'met', 'partly', 'not-met', 'n/a', 'Northbridge Borough Council', 'OFFICIAL-SENSITIVE', '2024/25', '1.0.0', 'home-office-2018',
  'Siân Llŷr', 'Gŵyr', 'Ynys Môn', 'naïve café', '😀 emoji', 'Ŵŷ âêîôû', "children's services", 'say "hi"', 'a\\b', 'a \\ b',
  // numbers of every form, and text that looks like them
  '0', '-0', '+0', '1', '-1', '+1', '007', '-007', '0o17', '0o8', '0O17', '0x1F', '0x1f', '0X1F', '0x', '1_000', '1,000', '1e3', '1E-3',
  '-1e+3', '1e', 'e3', '.5', '-.5', '+.5', '5.', '1.0', '-0.0', '1.10', '.', '..', '1.2.3', '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '.NAN',
  'inf', 'nan', '1e999', '-1e999', '123456789012345678901234567890', '9007199254740993', '0x7fffffffffffffffff', '0o777777777777777777777',
  '2025-03-12', '2025-3-1', '12:30:00', '12:30', '1:2', '2025-03-12T10:00:00Z', '0b101', '0.', '00', '--', '---x', '-x', '-1x',
  // null and booleans, and words that are not
  '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'No', 'on', 'off', 'y', 'n',
  // characters with meanings elsewhere
  'a:b', 'http://a.b/c', 'https://x.example/a#frag', 'a #b', 'a#b', 'a # b', 'a  #b', 'a [b]', 'a {b}', 'a, b', 'a]', 'a}', 'a ,b',
  'a - b', 'a ? b', 'a & b', 'a * b', 'a! b', '5 %', 'a|b', 'a>b', 'a <b>', "it's", 'x  y', 'Q&A', '=', '<<', '\\', '\u00a0x', 'x\u00a0',
  '\u200bx', '\u202ex', 'a:', 'x: y: z', 'a: b',
];
const ODD_PLAIN = [
  '?x', '? x', ':x', ': x', '%x', '@x', '`x', '&a x', '*a', '!tag x', '!!str x', '!!int 1', '|', '>', '|-', '[', ']', '{', '}', ',x', '#x',
  '[a, b]', '{a: b}', '- x', '-- x', '-', 'x\u0085y', 'x\u2028y', 'a\tb',
];
const TEXT = [
  'The risk assessment was rewritten in November 2024.', 'Partners: police, health.', 'see #12', 'a # not a comment in a block',
  '# starts like a comment', '- starts like a list', 'key: value', "children's services", 'say "hi"', 'trailing  ', 'Siân Llŷr',
  '[a, b]', '{ a: b }', '|', '>', '---', '...', '\\n', '&a', '*a', '!x', '%x', '😀', 'x', 'two  spaces', '"quoted"',
];
const COMMENTS = ['# comment', '#c', '# a: b', '#', '# - x', '# [ {'];

/** A plain or quoted scalar, on one line (now and then, not). */
function scalar(g: Rng, inFlow: boolean): string {
  const k = g.int(10);
  if (k < 6) return g.either(PLAIN, ODD_PLAIN);
  if (k === 6) return `'${quoteText(g).replace(/'/g, "''")}'`;
  if (k === 7) return `"${quoteText(g).replace(/["\\]/g, (c) => `\\${c}`)}"`;
  if (k === 8) {
    return g.either(
      ["''", '""', "'it''s'", '"\\"', '"a\\\\"', '"\\x41\\u00e9\\U0001F600"', '"\\ud83d\\ude00"', '"\\0\\a\\b\\e\\f\\n\\r\\t\\v\\N\\_\\L\\P\\ \\/"', "'a\\nb'", '"a  "', "'  a  '", '"a # b"', "'a: b'", '"[a]"', '"\\x1b[31m"'],
      ["'a'b", '"a"b', "'a", '"a', '"\\q"', '"\\xZZ"', '"\\x4"', '"\\U00110000"', '"a\\', inFlow ? '"a", "b"' : "'x' # c", '"a"#c', "'a'  #c", '"a\tb"'],
    );
  }
  return g.pick(PLAIN) + g.either(['  ', ' # c', ' #x'], ['\t', '#x', ':', ': ', ' ']);
}

function quoteText(g: Rng): string {
  const chars = ['a', 'b', ' ', ':', '#', "'", '"', '\\', ',', '[', ']', '{', '}', 'é', 'ŵ', '😀', '-', '?', '&', '*', '!', '|', '>', '%', '@', '`'];
  let s = '';
  for (let n = g.int(8); n > 0; n--) s += g.pick(chars);
  return s;
}

function flow(g: Rng): string {
  if (g.chance(0.1)) return g.pick(['[]', '{}', '[ ]', '{ }', '[  ]']);
  if (g.chance(g.odd)) {
    return g.pick(['[a, b,]', '[a, , b]', '[,]', '[a', '[a]]', '[a] x', '[[a]]', '{a: [b]}', '[{a: b}]', '{ a }', '{ a: }', '{a:b}', '{ a: b, a: c }', '[a: b]', '[a #c]', '[a]#c', '{ "a": b }', "{ 'a': b }", '[a,\tb]', '[? a]', '[- a]', '{ null: x }', '{ 1: x }', '[a:]', '[a:,b]', '{ a: b: c }']);
  }
  const seq = g.chance(0.5);
  const items: string[] = [];
  for (let n = 1 + g.int(4); n > 0; n--) items.push(seq ? scalar(g, true) : `${g.either(KEYS, ODD_KEYS)}:${g.either([' ', '  '], [''])}${scalar(g, true)}`);
  const sp = g.pick(['', ' ', '  ']);
  const body = items.join(g.either([', ', ',', ' , '], [',  ', ' ,']));
  return (seq ? `[${sp}${body}${sp}]` : `{${sp}${body}${sp}}`) + g.either([''], [' x', ',', ']']);
}

/** A block scalar: its header, then its lines, indented from `col` (the key's or dash's column). */
function blockScalar(g: Rng, col: number, out: string[]): string {
  const header = g.either(['|', '|-', '>', '>-', '| # c', '>-  '], ['|+', '>+', '|2', '|-2', '|2-', '>1', '|#c', '| x', '>- # c: d']);
  const indent = Math.max(0, col + g.either([2, 2, 2, 1, 3, 4], [0, -1]));
  const pad = ' '.repeat(indent);
  const blanks = (p: number) => {
    for (let n = g.chance(p) ? 1 + g.int(3) : 0; n > 0; n--) out.push(' '.repeat(g.either([0, 0, 0, 1, indent], [indent + 1, indent + 3])));
  };
  blanks(0.1);
  for (let n = g.chance(g.odd / 2) ? 0 : 1 + g.int(5), i = 0; i < n; i++) {
    if (i) blanks(0.2);
    const more = g.chance(i ? 0.15 : g.odd) ? ' '.repeat(1 + g.int(3)) : '';
    out.push(pad + more + g.pick(TEXT));
  }
  blanks(0.25);
  return header;
}

/** A block mapping with keys at `col`; the first line starts with `first` (a dash, for `- key: v`). */
function mapping(g: Rng, col: number, depth: number, out: string[], first = ' '.repeat(col)): void {
  const keys: string[] = [];
  for (let n = 1 + g.int(depth > 3 ? 2 : 4); n > 0; n--) {
    // Keys differ, but for a deliberate duplicate now and then.
    let key = g.either(KEYS, ODD_KEYS);
    while (keys.includes(key)) key = g.pick(KEYS);
    if (keys.length && g.chance(g.odd / 3)) key = g.pick(keys);
    keys.push(key);
    entry(g, `${keys.length === 1 ? first : ' '.repeat(col)}${key}:`, col, depth, out, true);
    noise(g, out, col);
  }
}

/** A block list with dashes at `col`. */
function sequence(g: Rng, col: number, depth: number, out: string[]): void {
  for (let n = 1 + g.int(depth > 3 ? 2 : 4); n > 0; n--) {
    const dash = `${' '.repeat(col)}-`;
    if (g.chance(0.3) && depth < 6) {
      // `- key: value`, more keys in the column after the dash
      const gap = g.either([' ', ' ', '  '], ['   ']);
      mapping(g, col + 1 + gap.length, depth + 1, out, dash + gap);
    } else if (g.chance(g.odd / 3)) {
      out.push(`${dash} - ${scalar(g, false)}`);
    } else {
      entry(g, dash, col, depth, out, false);
    }
    noise(g, out, col);
  }
}

/** A value after `head` (`key:` or `-`): on the line, a block below, or nothing. */
function entry(g: Rng, head: string, col: number, depth: number, out: string[], isKey: boolean): void {
  const sp = g.either([' ', ' ', '  '], ['']);
  const k = g.int(20);
  if (k < 8) out.push(`${head}${sp}${scalar(g, false)}${trailer(g)}`);
  else if (k < 10) out.push(`${head}${sp}${flow(g)}${trailer(g)}`);
  else if (k < 13) {
    const at = out.push('') - 1;
    out[at] = `${head}${sp}${blockScalar(g, col, out)}`;
  } else if (k < 18 && depth < 6) {
    out.push(`${head}${g.chance(0.2) ? ` ${g.pick(COMMENTS)}` : ''}`);
    noise(g, out, col);
    const step = g.either([2, 2, 2, 1, 3, 4, isKey ? 0 : 2], [-1, 0]);
    const inner = Math.max(0, col + step);
    if (g.chance(0.5) || (step === 0 && g.chance(0.8))) sequence(g, inner, depth + 1, out);
    else mapping(g, inner, depth + 1, out);
  } else out.push(`${head}${g.chance(0.3) ? ` ${g.pick(COMMENTS)}` : g.pick(['', ' ', '  '])}`);
}

function trailer(g: Rng): string {
  return g.chance(0.7) ? '' : g.either([' # c', '  # a: b', '   ', ' #', ' # ['], ['#c', ' x']);
}

/** Blank lines and comments between entries, sometimes, at any indentation. */
function noise(g: Rng, out: string[], col: number): void {
  if (g.chance(0.8)) return;
  if (g.chance(0.4)) out.push(' '.repeat(g.int(col + 3)));
  else out.push(`${' '.repeat(g.int(col + 4))}${g.pick(COMMENTS)}`);
}

/** A document; the odd rate is zero for some, so that many take the fast path whole. */
function document(seed: number): { text: string; g: Rng } {
  const g = new Rng(seed, [0, 0.03, 0.1, 0.3][Math.abs(seed) % 4]!);
  const out: string[] = [];
  if (g.chance(0.2)) out.push(g.pick(COMMENTS));
  if (g.chance(0.85)) mapping(g, 0, 0, out);
  else sequence(g, 0, 0, out);
  let text = out.join('\n') + (g.chance(0.9) ? '\n' : '');
  if (g.chance(g.odd)) text = damage(g, text, 1 + g.int(3));
  return { text, g };
}

// ---- damage: what a hand edit or a fault does to a file ---------------------------------------

const SPECIAL = [' ', ' ', '  ', '\n', '#', ' #', ':', ': ', '-', '- ', '"', "'", '[', ']', '{', '}', ',', '|', '>', '&', '*', '!', '%', '@', '`', '?', '\\', '\t', '\r', '.', '0', '1', 'a', 'é', 'ŵ', '~', '\u00a0', '\ufeff', '\x1b', '---', '...', 'null', 'true', '0x1', '.inf'];

function damage(g: Rng, text: string, times: number): string {
  for (let n = 0; n < times; n++) {
    const at = g.int(text.length + 1);
    const k = g.int(8);
    if (k === 0) text = text.slice(0, at) + g.pick(SPECIAL) + text.slice(at);
    else if (k === 1) text = text.slice(0, at) + text.slice(at + 1 + g.int(3));
    else if (k === 2) text = text.slice(0, at) + g.pick(SPECIAL) + text.slice(at + 1);
    else {
      const lines = text.split('\n');
      const i = g.int(lines.length);
      const line = lines[i]!;
      if (k === 3) lines[i] = ` ${line}`;
      else if (k === 4) lines[i] = line.replace(/^ /, '');
      else if (k === 5) lines.splice(i, 0, line);
      else if (k === 6) lines.splice(i, 1);
      else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1]!, line];
      text = lines.join('\n');
    }
  }
  return text;
}

/** Limits as parseSource has them, mostly; small ones now and then, to reach the depth and length checks. */
const limitsFor = (g: Rng): FastLimits => (g.chance(0.8) ? LIMITS : { depth: g.int(5), string: g.int(30) });

// ---- the files dutykit writes -------------------------------------------------------------------

const fw = framework();
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`);
const INIT = blankAssessment(fw, { authority: 'Ynys Môn County Council', period: '2024/25', date: '2025-03-12', marking: 'OFFICIAL', frameworkRef: 'home-office-2018' });
const INIT_EMPTY = blankAssessment(fw, { date: null, marking: null, frameworkRef: 'home-office-2018' });

/** A file as `assess` saves it: every kind of edit the writer makes, on a blank file. */
const ASSESSED = assessed();
function assessed(): string {
  const e = new AssessmentEditor(INIT_EMPTY, fw);
  e.setDetails({ authority: 'Gŵyr Council', period: '2025/26', date: '2026-03-10', marking: 'OFFICIAL-SENSITIVE' });
  e.setAssessors([{ name: 'Siân Llŷr', role: 'Prevent Lead' }, { name: 'Jo Bloggs' }]);
  e.setAnswer('venue-hire', 'due-diligence', { answer: 'Partly', evidence: 'Minutes of 3 March.\nTraining log, tab 2.', links: ['https://intranet.example/a.pdf', 'restricted/b.docx'], reviewed: '2026-02-01' });
  e.setAnswer('venue-hire', 'venue-hire-policy', { answer: 'met', evidence: 'The due diligence form now asks about speakers, their organisations and any previous events, and every hall uses it. '.repeat(3).trim() });
  e.setAnswer('venue-hire', 'leased-venues-covered', { answer: 'n/a', justification: 'No venues are leased.' });
  e.setAnswer('channel-panel', 'panel-established', { answer: 'met', evidence: 'Chaired by the Director of Children\'s Services since 2016; terms of reference: reviewed.' });
  e.setRating('venue-hire', 'Amber', 'The halls\' form is being replaced in April.');
  e.addAction('venue-hire', { action: 'Replace the 2019 booking form', owner: 'Facilities', due: '2026-04-30', status: 'open' });
  e.addAction('venue-hire', { action: 'Train hall staff', status: 'done' });
  e.setActionStatus('venue-hire', 0, 'done');
  e.addSignOff({ name: 'Cllr Helen Marsh', role: 'Chair of the Prevent Board', date: '2026-03-10' });
  return e.toString();
}

describe('the files dutykit writes and its examples take the fast path', () => {
  it.each([...EXAMPLES, 'test/fixtures/assess/hand-edited.yaml'])('%s', (file) => {
    expect(agrees(read(file))).toBe(true);
  });

  it('a file written by `dutykit init`, with and without the details', () => {
    expect(agrees(INIT)).toBe(true);
    expect(agrees(INIT_EMPTY)).toBe(true);
  });

  it('a file saved by `assess`: details, people, answers (one line, several lines, long), links, rating, actions, sign-off', () => {
    const text = ASSESSED;
    expect(text).toMatch(/evidence: \|-\n/); // the shapes this test means to cover are there
    expect(text).toMatch(/evidence: >-\n/);
    expect(text).toMatch(/links: \[/);
    expect(agrees(text)).toBe(true);
  });

  it('the small fuzz seed (every kind of field)', () => {
    expect(agrees(MINI)).toBe(true);
  });
});

describe('the subset, by example', () => {
  it('is checked against yaml 2.9.1: a new version of the package means checking fast-yaml.ts against it again', () => {
    // The reader copies that version's scalar rules and block folding; the tests below compare
    // against whatever is installed, but a long run (DUTYKIT_FUZZ_RUNS=200000) is the real check.
    expect(JSON.parse(readFileSync(join(ROOT, 'node_modules/yaml/package.json'), 'utf8')).version).toBe('2.9.1');
  });


  it.each([
    ['a list at the key\'s own column', 'a:\n- x\n- y\nb: 1\n', { a: ['x', 'y'], b: 1 }],
    ['`- key:` entries, and a list under one at its column', '- a:\n  - x\n  b: 1\n- c\n-\n', [{ a: ['x'], b: 1 }, 'c', null]],
    ['empty values, comments anywhere', 'a:\n# c\n   # d\nb: # e\n  c: ~\n', { a: null, b: { c: null } }],
    ['plain text with `#`, `:` and brackets', 'a: x#y:z [w] {v}, u # comment\nb: http://e.x/a#b\n', { a: 'x#y:z [w] {v}, u', b: 'http://e.x/a#b' }],
    ['numbers as the core schema reads them', 'a: [0x1F, 0o17, -0, 1e3, .5, .inf, -.Inf, 007, +1, 1.0.0, 2025-03-12]\n', { a: [31, 15, -0, 1000, 0.5, Infinity, -Infinity, 7, 1, '1.0.0', '2025-03-12'] }],
    ['quotes and escapes', `a: 'it''s'\nb: "\\x41\\u00e9 \\"q\\" \\\\"\nc: { n: "x, y", m: '' }\n`, { a: "it's", b: 'Aé "q" \\', c: { n: 'x, y', m: '' } }],
    ['literal and folded blocks, kept and stripped', 'a: |\n  x\n\n   y\nb: >\n  x\n  y\n\n\n  z\nc: >-\n  x\n\n', { a: 'x\n\n y\n', b: 'x y\n\nz\n', c: 'x' }],
    ['leading blank lines in a block', 'a: |-\n\n  x\n', { a: '\nx' }],
    ['keys `{}` already has', 'constructor: 1\n__proto__: 2\n', JSON.parse('{"constructor":1,"__proto__":2}')],
  ])('%s', (_name, text, expected) => {
    expect(readSimpleYaml(text, LIMITS)).not.toBeUndefined();
    expect(agrees(text)).toBe(true);
    expect(sameData(readSimpleYaml(text, LIMITS), expected)).toBe(true);
  });

  it.each([
    ['CRLF line ends', 'a: 1\r\n'],
    ['a tab', 'a:\t1\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a plain scalar over two lines', 'a: x\n  y\n'],
    ['a flow collection over two lines', 'a: [x,\n  y]\n'],
    ['a nested flow collection', 'a: [[x]]\n'],
    ['a quoted key', '"a": 1\n'],
    ['a key the core schema reads as null, true or a number', 'null: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['`|+`', 'a: |+\n  x\n\n'],
    ['an indentation indicator', 'a: |2\n   x\n'],
    ['a more-indented line in a folded block', 'a: >\n  x\n    y\n'],
    ['an empty block scalar', 'a: |\nb: 1\n'],
    ['`key: value: value`', 'a: b: c\n'],
    ['a root scalar', 'hello\n'],
    ['only comments', '# nothing\n'],
  ])('declines %s', (_name, text) => {
    expect(readSimpleYaml(text, LIMITS)).toBeUndefined();
  });

  it('declines nesting and text past the limits', () => {
    expect(agrees('a:\n  b:\n    c: 1\n', { depth: 3, string: 10 })).toBe(true);
    expect(readSimpleYaml('a:\n  b:\n    c: 1\n', { depth: 2, string: 10 })).toBeUndefined();
    expect(readSimpleYaml('a:\n  b:\n    c:\n', { depth: 2, string: 10 })).toBeUndefined();
    expect(readSimpleYaml('a: [1]\n', { depth: 1, string: 10 })).toBeUndefined();
    expect(agrees('a: abcdefghij\n', { depth: 3, string: 10 })).toBe(true);
    expect(readSimpleYaml('a: abcdefghijk\n', { depth: 3, string: 10 })).toBeUndefined();
    expect(readSimpleYaml('a: |\n  012345678\n', { depth: 3, string: 9 })).toBeUndefined(); // 9 and a line break
  });
});

describe('every YAML file in the repository: the same data both ways, or the fast path declines', () => {
  const files = ['examples', 'test/fixtures', 'benchmarks'].flatMap((d) => readdirSync(join(ROOT, d), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).map((f) => `${d}/${f}`));
  it.each(files)('%s', (file) => {
    // Only text that parseSource would hand to the fast path: UTF-8, and past prescan.
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(ROOT, file))).replace(/^\ufeff/, '');
    } catch {
      return;
    }
    if (!prescan(text, LIMITS)) agrees(text);
  });
});

describe('differential: generated and damaged YAML, fast path against the yaml package', () => {
  it('generated documents in and around the subset', () => {
    const { check, done } = tally('generated documents');
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { text, g } = document(seed);
        check(text, limitsFor(g));
      }),
      params(3000),
    );
    // The generator must keep reaching the fast path, or the test says nothing.
    done(0.1);
  }, TIMEOUT);

  const seeds = [...EXAMPLES.map(read), read('test/fixtures/assess/hand-edited.yaml'), MINI, INIT, ASSESSED];
  it('the examples and the files dutykit writes, damaged one to four times', () => {
    const { check, done } = tally('damaged files');
    fc.assert(
      fc.property(fc.integer(), fc.nat(seeds.length - 1), (seed, which) => {
        const g = new Rng(seed);
        check(damage(g, seeds[which]!, 1 + g.int(4)));
      }),
      params(600),
    );
    done(0.1);
  }, TIMEOUT);

  it('single lines of every kind, after a key and after a dash', () => {
    const { check, done } = tally('single lines');
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const g = new Rng(seed);
        const value = g.chance(0.5) ? scalar(g, false) : flow(g);
        check(`a: ${value}\n`);
        check(`- ${value}\n`);
        check(`k:\n  - ${value}${trailer(g)}\n  - b\n`);
      }),
      params(2000),
    );
    done(0.2);
  }, TIMEOUT);
});

describe('differential: the parts most easily got wrong, one at a time', () => {
  it('block scalars under a key, a dash and `- key:`, at several depths, with what may follow them', () => {
    const { check, done } = tally('block scalars');
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const g = new Rng(seed, 0.2);
        const depth = g.int(3);
        const pad = ' '.repeat(2 * depth);
        const out = ['p:', '  q:'].slice(0, depth);
        const [head, col, next] = g.pick([
          [`${pad}k:`, 2 * depth, [`${pad}k2: v`]],
          [`${pad}-`, 2 * depth, [`${pad}- v`]],
          [`${pad}- k:`, 2 * depth + 2, [`${pad}  k2: v`, `${pad}- v`]],
        ] as const);
        const at = out.push('') - 1;
        out[at] = `${head} ${blockScalar(g, col, out)}`;
        if (g.chance(0.3)) out.push(`${' '.repeat(g.int(col + 4))}${g.pick(COMMENTS)}`);
        if (g.chance(0.6)) out.push(g.pick(next));
        if (g.chance(0.2)) out.push(g.pick(['x: 1', '#', '']));
        check(out.join('\n') + g.pick(['\n', '\n', '', '\n\n']));
      }),
      params(4000),
    );
    done(0.2);
  }, TIMEOUT);

  it('indentation: lists and mappings nested, at the same column, and out of line', () => {
    const { check, done } = tally('indentation');
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const g = new Rng(seed, 0.05);
        const out: string[] = [];
        // Short values, so that what varies is the structure.
        const line = (col: number) => {
          const pad = ' '.repeat(Math.max(0, col + g.either([0], [1, -1, 2])));
          out.push(g.pick([`${pad}k${g.int(4)}: v`, `${pad}k${g.int(4)}:`, `${pad}- v`, `${pad}-`, `${pad}- k${g.int(4)}: v`, `${pad}- k${g.int(4)}:`, `${pad}#c`, '']));
        };
        let col = 0;
        for (let n = 1 + g.int(10); n > 0; n--) {
          line(col);
          col = Math.max(0, col + g.pick([0, 0, 2, 2, -2, -4, 1, 4]));
        }
        check(out.join('\n') + '\n');
      }),
      params(3000),
    );
    done(0.05);
  }, TIMEOUT);
});

describe('a Source from the fast path is the one the yaml package gives', () => {
  /** The same text with a tab in a first comment line: the fast reader refuses any tab, and a comment moves nothing. */
  const both = (text: string): [Source, Source] => {
    const fast = parseSource('f.yaml', Buffer.from(`# x\n${text}`)).source!;
    const slow = parseSource('f.yaml', Buffer.from(`#\tx\n${text}`)).source!;
    expect(readSimpleYaml(`# x\n${text}`, LIMITS)).not.toBeUndefined();
    expect(readSimpleYaml(`#\tx\n${text}`, LIMITS)).toBeUndefined();
    return [fast, slow];
  };

  it.each([['northbridge-2025', read('examples/northbridge-2025.yaml')], ['assess', ASSESSED], ['mini', MINI]])('%s: data, positions from at(), the Document', (_name, text) => {
    const [fast, slow] = both(text);
    expect(sameData(fast.data, slow.data)).toBe(true);
    const paths = valuePaths(text);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of [[], ...paths, ['benchmarks', 'no-such-benchmark', 'answers'], ['assessors', 99]]) {
      expect(fast.at(path, 'm')).toEqual(slow.at(path, 'm'));
      const key = path.at(-1);
      if (typeof key === 'string') expect(fast.at(path.slice(0, -1), 'm', { key })).toEqual(slow.at(path.slice(0, -1), 'm', { key }));
    }
    expect(fast.doc.toString()).toBe(slow.doc.toString().replace('#\tx', '# x'));
    expect(fast.doc.errors).toEqual([]);
    expect(fast.lines.lineStarts).toEqual(slow.lines.lineStarts);
  });

  it.each(EXAMPLES)('%s is read, checked and rated without the yaml package parsing it', (file) => {
    const named = framework(/home-office-\d+/.exec(read(file))![0]);
    parses.count = 0;
    const source = parseSource(file, readFileSync(join(ROOT, file))).source!;
    const checked = checkAssessment(source, named, file);
    expect(checked.problems).toBeUndefined();
    expect(checked.value!.warnings).toEqual([]);
    expect(ratingProblems(checked.value!.framework, rateAssessment(checked.value!.framework, checked.value!.assessment))).toEqual([]);
    expect(parses.count).toBe(0);
    // Asked for a position, it parses once, and only once.
    source.at(['date'], 'm');
    source.at(['authority'], 'm');
    expect(parses.count).toBe(1);
  });
});
