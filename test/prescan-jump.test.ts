// prescan (src/model/prescan.ts) jumps from one character that can change its state to the
// next. Here the same pass taken one character at a time, as it was written first, must give
// the same answer on every text: random ones made of the characters that matter, and the
// bundled files.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prescan as jumping } from '../src/model/prescan.js';
import { english } from '../src/model/said.js';
import { ROOT } from './helpers.js';

/** The pass under test, its message in English words, as the reference gives them. */
const prescan = (text: string, limits: Parameters<typeof jumping>[1]) => {
  const r = jumping(text, limits);
  return r && { offset: r.offset, message: english(r.message) };
};

function oneByOne(text: string, limits: { depth: number; items: number; typical?: string }): { offset: number; message: string } | undefined {
  const guard = 4 * limits.depth;
  const open: number[] = [];
  let flow = 0;
  let quote = 0;
  let run = 0;
  let items = 0;
  /** A block line at `start` opens a level; lines indented as far or less close theirs. */
  const line = (start: number) => {
    let j = start;
    while (text.charCodeAt(j) === SPACE) j++;
    const c = text.charCodeAt(j);
    if (flow > 0 || j >= text.length || c === CR || c === LF || c === HASH) return;
    while (open.length && open[open.length - 1]! >= j - start) open.pop();
    open.push(j - start);
  };
  line(0);
  // Character codes, not one-letter strings: this runs over every character of the file.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      else if (c === BACKSLASH && quote === DQUOTE) i++;
      else if (c === LF && flow === 0) quote = 0;
      if (quote || c !== LF) continue;
    }
    const indicator = (c === DASH || c === QUESTION || c === COLON) && spaceAt(text, i + 1);
    if (c === LF || (c === COMMA && flow > 0) || c === LBRACKET || c === LBRACE || indicator) items++;
    if (items > limits.items) {
      return { offset: i, message: `more than ${limits.items.toLocaleString('en-GB')} lines and entries; ${limits.typical ?? 'an assessment has a few thousand'}` };
    }
    if (c === LF) {
      run = 0;
      line(i + 1);
      continue;
    }
    if (c === HASH && (i === 0 || spaceAt(text, i - 1))) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== LF) i++;
    } else if (c === DQUOTE || (c === SQUOTE && flow > 0)) quote = c;
    else if (c === LBRACKET || c === LBRACE) flow++;
    else if ((c === RBRACKET || c === RBRACE) && flow > 0) flow--;
    else if (indicator) run++;
    if (open.length + run + flow > guard) return { offset: i, message: `nested more than ${limits.depth} levels deep` };
  }
  return undefined;
}

const [SPACE, LF, CR, HASH, BACKSLASH, DQUOTE, SQUOTE] = [32, 10, 13, 35, 92, 34, 39];
const [DASH, QUESTION, COLON, COMMA, LBRACKET, RBRACKET, LBRACE, RBRACE] = [45, 63, 58, 44, 91, 93, 123, 125];

/** Whether the character at i is white space as `/\s/` has it; past the end counts as space. */
function spaceAt(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  if (c === SPACE || (c >= 9 && c <= 13)) return true;
  return c > 127 && /\s/.test(text[i]!);
}

const alphabet = ['\n', '\r\n', ' ', '  ', '#', ' #', '"', '\\"', "'", "''", '[', ']', '{', '}', ',', ':', ': ', '?', '? ', '-', '- ', '\\', 'a', 'é', '\u3000', '\u2028', '\t'];
// Limits met at every point of a text, so that each item and level counted shows in the answer.
const limits = [1, 2, 3, 5, 64].flatMap((depth) => [10, 25, 40, 70, 120, 200, 100_000].map((items) => ({ depth, items })));

describe('prescan, jumping ahead, says what a pass over every character says', () => {
  it('on random texts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 300 }), (parts) => {
        const text = parts.join('');
        for (const l of limits) expect(prescan(text, l)).toEqual(oneByOne(text, l));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    // An escaped quote does not end a double-quoted text: the dashes after it are inside it.
    ['k: "a\\" - b - c - d - e"\n', { depth: 64, items: 3 }],
    // Outside a flow, a line break ends an unfinished double-quoted text.
    ['k: "a\n- b\n- c\n- d\n', { depth: 64, items: 4 }],
    // A comment runs to the end of its line only, even an empty one.
    ['# - - - -\n- a\n- b\n', { depth: 64, items: 4 }],
    ['#\n- a\n- b\n- c\n', { depth: 64, items: 4 }],
    // In a flow, a quoted text goes on over a line break; outside one, a line break ends it.
    ['[ "a\n - b - c - d" ]\n', { depth: 64, items: 3 }],
  ])('on %j', (text, l) => expect(prescan(text, l)).toEqual(oneByOne(text, l)));

  it('on the bundled frameworks and the examples', () => {
    const dirs = ['examples', 'examples/schools', ...readdirSync(join(ROOT, 'benchmarks')).map((d) => join('benchmarks', d))];
    const files = dirs.flatMap((d) => readdirSync(join(ROOT, d)).filter((n) => n.endsWith('.yaml')).map((n) => join(ROOT, d, n)));
    expect(files.length).toBeGreaterThan(30);
    for (const f of files) for (const l of limits) expect(prescan(readFileSync(f, 'utf8'), l)).toEqual(oneByOne(readFileSync(f, 'utf8'), l));
  });
});
