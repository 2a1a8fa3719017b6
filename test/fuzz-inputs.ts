// Inputs for the fuzz suite: seed files, and the ways a file gets damaged in the wild.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import { BUNDLED, ROOT } from './helpers.js';

/** Every kind of field an assessment has, in a file small enough to parse in a blink. */
export const MINI = `framework: home-office-2018
framework_version: 1.0.0
authority: Ynys Môn County Council
period: 2024/25
date: 2025-03-12
marking: OFFICIAL-SENSITIVE
assessors:
  - { name: Priya Raman, role: Prevent Coordinator }
benchmarks:
  venue-hire:
    answers:
      venue-hire-policy:
        answer: met
        evidence: |
          Policy agreed by cabinet in 2024.
        links: [https://intranet.example/policy.pdf]
        reviewed: 2025-01-20
      due-diligence: { answer: n/a, justification: No bookings are taken. }
    rating: green
    rationale: The group agreed it.
    notes: internal only
    actions:
      - { action: Refresh the policy, owner: Head of Property, due: 2025-09-30, status: open }
sign_off:
  - { name: Cllr Helen Marsh, role: Chair of the Prevent Board, date: 2025-03-12 }
`;

const read = (path: string) => readFileSync(join(ROOT, path));
export const SMALL_SEEDS: [string, Buffer][] = [
  ['mini', Buffer.from(MINI)],
  ['northbridge-2024', read('examples/northbridge-2024.yaml')],
  ['windows', read('test/fixtures/good/windows.yaml')],
];
export const BIG_SEED = read('examples/northbridge-2025.yaml');

/** The bundled framework's files, name → bytes. */
export const FRAMEWORK_FILES: Map<string, Buffer> = new Map(
  readdirSync(join(BUNDLED, 'home-office-2018')).map((f) => [f, readFileSync(join(BUNDLED, 'home-office-2018', f))] as const),
);

export interface Mutation {
  kind: string;
  apply(b: Buffer): Buffer;
}

const named = <P>(kind: string, arb: fc.Arbitrary<P>, f: (b: Buffer, p: P) => Buffer): fc.Arbitrary<Mutation> =>
  arb.map((p) => ({ kind, apply: (b: Buffer) => f(b, p), [fc.toStringMethod]: () => `${kind}(${fc.stringify(p)})` }));

const splice = (b: Buffer, at: number, del: number, ins: Buffer | string) =>
  Buffer.concat([b.subarray(0, at), Buffer.from(ins), b.subarray(Math.min(b.length, at + del))]);

const lines = (b: Buffer) => b.toString('latin1').split('\n');
const unlines = (ls: string[]) => Buffer.from(ls.join('\n'), 'latin1');

/** Bytes and snippets that break YAML, UTF-8 or a terminal. */
export const SPECIAL = [
  '\0', '\xff', '\xc0\x80', '\xed\xa0\x80', '\xe2\x82', '\x80', '\xef\xbb\xbf', '\t', '\r', '\r\n', '\x1b[31m', '\xe2\x80\xae',
  ' &a ', ' *a ', '*nope', '[', '{', ']', '}', ': ', '- ', '? ', '#', '"', "'", '|', '>', '!!binary ', '!!timestamp ', '!!set ',
  '%YAML 1.1\n---\n', '---\n', '...\n', '<<: *a\n', '~', 'null', '1e999', '0x7fffffffffffffffff', '\\', '%', '@', '`',
];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  named('truncate', fc.nat(), (b, at) => b.subarray(0, at % (b.length + 1))),
  named('flip', fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (b, flips) => {
    const c = Buffer.from(b);
    for (const [at, v] of flips) if (c.length) c[at % c.length] = v;
    return c;
  }),
  named('insert', fc.tuple(fc.nat(), fc.constantFrom(...SPECIAL)), (b, [at, s]) => splice(b, at % (b.length + 1), 0, Buffer.from(s, 'latin1'))),
  named('line', fc.tuple(fc.nat(), fc.constantFrom('dup', 'delete', 'tab', 'indent', 'dedent', 'cr', 'swap')), (b, [n, op]) => {
    const ls = lines(b);
    const i = n % ls.length;
    const l = ls[i]!;
    if (op === 'dup') ls.splice(i, 0, l);
    if (op === 'delete') ls.splice(i, 1);
    if (op === 'tab') ls[i] = l.replace(/^( +)/, (s) => '\t'.repeat(Math.max(1, s.length >> 1)));
    if (op === 'indent') ls[i] = ` ${l}`;
    if (op === 'dedent') ls[i] = l.replace(/^ /, '');
    if (op === 'cr') ls[i] = `${l}\r`;
    if (op === 'swap' && i + 1 < ls.length) [ls[i], ls[i + 1]] = [ls[i + 1]!, l];
    return unlines(ls);
  }),
  named('crlf', fc.constant(null), (b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1')),
  named('bom', fc.constantFrom(1, 2), (b, n) => Buffer.concat([Buffer.from('\ufeff'.repeat(n)), b])),
  named('deep', fc.tuple(fc.nat(), fc.constantFrom(63, 64, 65, 66, 200, 257, 1000, 3000), fc.constantFrom('flow-seq', 'flow-map', 'block-seq', 'block-map', 'compact', 'qkey', 'block-in-flow')), (b, [n, depth, style]) => {
    const ls = lines(b);
    ls.splice(n % (ls.length + 1), 0, deep(style, depth));
    return unlines(ls);
  }),
  named('huge', fc.tuple(fc.nat(), fc.constantFrom(99_999, 100_000, 100_001, 120_000), fc.constantFrom('x', 'é', '😀', 'word ')), (b, [n, len, unit]) => {
    const ls = lines(b);
    const i = n % ls.length;
    const text = Buffer.from(unit.repeat(Math.ceil(len / [...unit].length)).slice(0, len * (unit === '😀' ? 2 : 1))).toString('latin1');
    ls[i] = /: /.test(ls[i]!) ? ls[i]!.replace(/: .*/, `: "${text}"`) : `${ls[i]} ${text}`;
    return unlines(ls);
  }),
  named('alias', fc.tuple(fc.nat(), fc.constantFrom('anchor-alias', 'bomb', 'undefined', 'self', 'merge', 'alias-key', 'many'), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 10 })), (b, [n, kind, width, levels]) => {
    const ls = lines(b);
    ls.splice(n % (ls.length + 1), 0, aliases(kind, width, levels));
    return unlines(ls);
  }),
);

function deep(style: string, d: number): string {
  switch (style) {
    case 'flow-seq':
      return `deep: ${'['.repeat(d)}x${']'.repeat(d)}`;
    case 'flow-map':
      return `deep: ${'{a: '.repeat(d)}x${'}'.repeat(d)}`;
    case 'block-seq':
      return ['deep:', ...Array.from({ length: Math.min(d, 1000) }, (_, i) => `${' '.repeat(i + 1)}-`)].join('\n') + ' x';
    case 'block-map':
      return ['deep:', ...Array.from({ length: Math.min(d, 1000) }, (_, i) => `${' '.repeat(i + 1)}k${i}:`)].join('\n') + ' x';
    case 'compact':
      return `deep:\n  ${'- '.repeat(d)}x`;
    case 'qkey':
      return `${'? '.repeat(d)}x`;
    default:
      return `deep: [\n${'- '.repeat(d)}]`;
  }
}

function aliases(kind: string, width: number, levels: number): string {
  const row = (i: number) => `a${i}: &a${i} [${Array.from({ length: width }, () => (i ? `*a${i - 1}` : 'x')).join(', ')}]`;
  switch (kind) {
    case 'anchor-alias':
      return 'x1: &s some text\nx2: *s';
    case 'bomb':
      return Array.from({ length: levels }, (_, i) => row(i)).join('\n');
    case 'undefined':
      return 'x: *missing';
    case 'self':
      return 'x: &loop [*loop]';
    case 'merge':
      return 'base: &b { rating: green }\nvenue-hire:\n  <<: *b';
    case 'alias-key':
      return 'k: &k [a, b]\n*k : v';
    default:
      return `xs: &x [1]\nys: [${Array.from({ length: width * levels * 3 }, () => '*x').join(', ')}]`;
  }
}

/** A seed damaged one to three times over; `kinds` names the damage done. */
export const damaged = (seeds: [string, Buffer][]) =>
  fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([[name, seed], ms]) => ({
    kinds: [...new Set(ms.map((m) => m.kind))],
    bytes: ms.reduce<Buffer>((b, m) => m.apply(b), seed),
    [fc.toStringMethod]: () => `${name} ← ${ms.map((m) => fc.stringify(m)).join(' ← ')}`,
  }));

const YAML_TOKENS = [
  'framework: ', 'home-office-2018', 'authority: ', 'period: ', 'date: ', '2025-03-12', 'benchmarks:', 'venue-hire:', 'answers:',
  'venue-hire-policy:', 'answer: ', 'met', 'n/a', 'rating: ', 'green', 'actions:', 'sign_off:', 'assessors:', 'name: ', 'x',
  '\n', '  ', '    ', '- ', '[', ']', '{', '}', ', ', ': ', '? ', '&a ', '*a', '!!str ', '!x ', '| ', '> ', '"', "'", '# c', '\t',
  '\r\n', '---', '...', '%YAML 1.1', '<<: ', '~', 'null', '1e309', '-.inf', '0o17', 'true', '\\', '\u202e', '\u001b[2J', 'é', '😀',
];

const kind = (k: string) => (bytes: Buffer) => ({ kinds: [k], bytes });

/** Files made from nothing: raw bytes, any text, YAML-looking token soup, YAML of random data. */
export const fromScratch: fc.Arbitrary<{ kinds: string[]; bytes: Buffer }> = fc.oneof(
  fc.uint8Array({ maxLength: 600 }).map((a) => kind('random bytes')(Buffer.from(a))),
  fc.string({ unit: 'grapheme', maxLength: 300 }).map((s) => kind('random text')(Buffer.from(s))),
  fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 80 }).map((t) => kind('YAML token soup')(Buffer.from(t.join('')))),
  fc
    .dictionary(fc.oneof(fc.constantFrom('framework', 'authority', 'period', 'date', 'marking', 'benchmarks', 'assessors', 'sign_off'), fc.string()), fc.anything({ maxDepth: 3, key: fc.oneof(fc.constantFrom('venue-hire', 'answers', 'rating', 'name', 'role'), fc.string()) }))
    .map((o) => kind('YAML of random data')(Buffer.from(stringify({ framework: 'home-office-2018', ...o })))),
);

/** Every path to a value in a YAML text, for putting the wrong type there. */
export function valuePaths(text: string): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (path.length) out.push(path);
    if (isMap(node)) for (const p of node.items) walk(p.value, [...path, String(isScalar(p.key) ? p.key.value : '')]);
    else if (isSeq(node)) node.items.forEach((n, i) => walk(n, [...path, i]));
  };
  walk(parseDocument(text).contents, []);
  return out;
}

/** Values of every YAML type, and text that is not what any field wants. */
export const WRONG: unknown[] = [
  ['a', 'list'],
  { a: 'mapping' },
  42,
  -1.5,
  true,
  null,
  '',
  'not a date or a word',
  '2025-02-30',
  'x'.repeat(100_001),
];

export function withValue(text: string, path: (string | number)[], value: unknown): Buffer {
  const doc = parseDocument(text);
  doc.setIn(path, doc.createNode(value));
  return Buffer.from(doc.toString({ lineWidth: 0 }));
}
