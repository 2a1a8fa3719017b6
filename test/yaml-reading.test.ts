// Reading YAML: every file goes through the yaml package (src/model/source.ts), with the
// limits and shape checks around it. Generated and damaged YAML must give either data that
// passes those checks or problems placed inside the file, never a throw; the files dutykit
// writes (init, assess) must read back clean, as the data they were given.
// DUTYKIT_FUZZ_RUNS=<n> runs n cases per property; DUTYKIT_FUZZ_SEED=<n> picks other cases.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { blankAssessment } from '../src/model/blank.js';
import { checkAssessment } from '../src/model/load-assessment.js';
import { checkShape } from '../src/model/shape.js';
import { LIMITS, PARSE, parseSource } from '../src/model/source.js';
import { AssessmentEditor } from '../src/model/write-assessment.js';
import { MINI } from './fuzz-inputs.js';
import { framework, ROOT } from './helpers.js';

const RUNS = Number(process.env.DUTYKIT_FUZZ_RUNS) || 0;
const SEED = Number(process.env.DUTYKIT_FUZZ_SEED) || 20250312;
const TIMEOUT = RUNS ? 4 * 3_600_000 : 60_000;
const params = (n: number) => ({ numRuns: RUNS || n, seed: SEED, endOnFailure: true });

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

// ---- the files dutykit writes -------------------------------------------------------------------

const fw = framework();
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`);
const INIT = blankAssessment(fw, { authority: 'Ynys Môn County Council', period: '2024/25', date: '2025-03-12', marking: 'OFFICIAL', frameworkRef: 'home-office-2018' });
const INIT_EMPTY = blankAssessment(fw, { date: null, marking: null, frameworkRef: 'home-office-2018' });

const LONG = 'The due diligence form now asks about speakers, their organisations and any previous events, and every hall uses it. '.repeat(3).trim();

/** A file as `assess` saves it: every kind of edit the writer makes, on a blank file. */
const ASSESSED = assessed();
function assessed(): string {
  const e = new AssessmentEditor(INIT_EMPTY, fw);
  e.setDetails({ authority: 'Gŵyr Council', period: '2025/26', date: '2026-03-10', marking: 'OFFICIAL-SENSITIVE' });
  e.setAssessors([{ name: 'Siân Llŷr', role: 'Prevent Lead' }, { name: 'Jo Bloggs' }]);
  e.setAnswer('venue-hire', 'due-diligence', { answer: 'Partly', evidence: 'Minutes of 3 March.\nTraining log, tab 2.', links: ['https://intranet.example/a.pdf', 'restricted/b.docx'], reviewed: '2026-02-01' });
  e.setAnswer('venue-hire', 'venue-hire-policy', { answer: 'met', evidence: LONG });
  e.setAnswer('venue-hire', 'leased-venues-covered', { answer: 'n/a', justification: 'No venues are leased.' });
  e.setAnswer('channel-panel', 'panel-established', { answer: 'met', evidence: 'Chaired by the Director of Children\'s Services since 2016; terms of reference: reviewed.' });
  e.setRating('venue-hire', 'Amber', 'The halls\' form is being replaced in April.');
  e.addAction('venue-hire', { action: 'Replace the 2019 booking form', owner: 'Facilities', due: '2026-04-30', status: 'open' });
  e.addAction('venue-hire', { action: 'Train hall staff', status: 'done' });
  e.setActionStatus('venue-hire', 0, 'done');
  e.addSignOff({ name: 'Cllr Helen Marsh', role: 'Chair of the Prevent Board', date: '2026-03-10' });
  return e.toString();
}


/** Whether the yaml package makes data of it (an alias to no anchor, or too many, throws). */
function readable(doc: ReturnType<typeof parseDocument>): boolean {
  try {
    doc.toJS({ maxAliasCount: LIMITS.aliases + 1 });
    return true;
  } catch {
    return false;
  }
}

/**
 * One text through parseSource: problems, each inside the file, or data; and data whenever the
 * yaml package reads the text with no complaint and the shape checks pass. Whether it gave data.
 */
function readsOrPlaces(text: string): boolean {
  const read = parseSource('f.yaml', Buffer.from(text));
  const lines = text.split('\n').length;
  if (read.problems) {
    for (const p of read.problems) {
      expect(p.line, `${p.message}\n${text}`).toBeGreaterThanOrEqual(1);
      expect(p.line, `${p.message}\n${text}`).toBeLessThanOrEqual(lines + 1);
      expect(p.col).toBeGreaterThanOrEqual(1);
      expect(p.message).not.toBe('');
    }
    const doc = parseDocument(text, PARSE);
    if (text.trim() && !doc.errors.length && !checkShape(doc.contents, LIMITS).length && readable(doc)) {
      expect(read.problems.map((p) => p.message), `refused a text the yaml package reads:\n${text}`).toEqual([]);
    }
    return false;
  }
  expect(read.source.data).toEqual(parseDocument(text, PARSE).toJS({ maxAliasCount: LIMITS.aliases + 1 }));
  return true;
}

describe('the files dutykit writes read back clean, as written', () => {
  const named = (text: string) => framework(/home-office-\d+/.exec(text)![0]);
  it.each([
    ['init, with the details', INIT],
    ['assess, after every kind of edit', ASSESSED],
    ['the small fuzz seed', MINI],
    ...EXAMPLES.map((f) => [f, read(f)]),
  ])('%s', (_name, text) => {
    const source = parseSource('f.yaml', Buffer.from(text)).source!;
    expect(source).toBeDefined();
    const checked = checkAssessment(source, named(text));
    expect(checked.problems).toBeUndefined();
    expect(checked.value!.warnings).toEqual([]);
  });

  it('init without the details: every detail there, empty, for assess to fill in', () => {
    const data = parseSource('f.yaml', Buffer.from(INIT_EMPTY)).source!.data as Record<string, unknown>;
    expect([data.authority, data.period, data.date, data.marking]).toEqual([null, null, null, null]);
    expect(data.framework).toBe('home-office-2018');
  });

  it('keeps what assess was given, to the character', () => {
    const a = checkAssessment(parseSource('f.yaml', Buffer.from(ASSESSED)).source!, fw).value!.assessment;
    expect(ASSESSED).toMatch(/evidence: \|-\n/); // the shapes this test means to cover are there
    expect(ASSESSED).toMatch(/evidence: >-\n/);
    expect(a.authority).toBe('Gŵyr Council');
    expect(a.benchmarks['venue-hire']!.answers['due-diligence']!.evidence).toBe('Minutes of 3 March.\nTraining log, tab 2.');
    expect(a.benchmarks['venue-hire']!.answers['venue-hire-policy']!.evidence).toBe(LONG);
    expect(a.benchmarks['venue-hire']!.answers['due-diligence']!.links).toEqual(['https://intranet.example/a.pdf', 'restricted/b.docx']);
    expect(a.benchmarks['venue-hire']!.actions.map((x) => x.status)).toEqual(['done', 'done']);
  });
});

describe('generated and damaged YAML: data, or problems inside the file', () => {
  it('generated documents', () => {
    let clean = 0;
    fc.assert(fc.property(fc.integer(), (seed) => void (readsOrPlaces(document(seed).text) && clean++)), params(1500));
    expect(clean).toBeGreaterThan(100); // the generator must keep making readable files, or this says little
  }, TIMEOUT);

  const seeds = [...EXAMPLES.map(read), MINI, INIT, ASSESSED];
  it('the examples and the files dutykit writes, damaged one to four times', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(seeds.length - 1), (seed, which) => {
        const g = new Rng(seed);
        readsOrPlaces(damage(g, seeds[which]!, 1 + g.int(4)));
      }),
      params(400),
    );
  }, TIMEOUT);
});
