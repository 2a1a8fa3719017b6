// `rate`, `diff` and `trend` fit the terminal: no line wider than it, more room used when there is.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { boxTable, displayWidth } from '../src/report/box.js';
import { dutykit } from './helpers.js';
import { hostileWorld } from './helpers/hostile-fixture.js';

/** Terminal columns, measured apart from the renderer (non-spacing marks take none, as wcwidth has it). */
const columns = (s: string) => stringWidth(s.replace(/[\p{Mn}\p{Me}\u1160-\u11ff]/gu, ''));
const widest = (text: string) => Math.max(...text.split('\n').map(columns));

const w = hostileWorld();
const RUNS: [string, string[]][] = [
  ['rate', ['rate', 'examples/northbridge-2025.yaml']],
  ['diff', ['diff', 'examples/northbridge-2024.yaml', 'examples/northbridge-2026.yaml']],
  ['diff, one framework', ['diff', 'examples/northbridge-2024.yaml', 'examples/northbridge-2025.yaml']],
  ['trend', ['trend', 'examples/northbridge-2024.yaml', 'examples/northbridge-2025.yaml', 'examples/northbridge-2026.yaml']],
  ['rate, hostile', ['rate', w.now]],
  ['diff, hostile', ['diff', w.old, w.now]],
  ['trend, hostile', ['trend', w.old, w.now]],
];

describe.each(RUNS)('%s', (_name, args) => {
  const runs = new Map<number, string>();
  const at = (width: number) => {
    if (!runs.has(width)) {
      const r = dutykit(args, { env: { COLUMNS: String(width) } });
      expect(r.status, r.stderr).toBe(0);
      runs.set(width, r.stdout);
    }
    return runs.get(width)!;
  };

  it.each([80, 120])('at %i columns no line is wider than the terminal', (width) => {
    const out = at(width);
    const over = out.split('\n').find((l) => columns(l) > width);
    expect(over, over).toBeUndefined();
  });

  it('uses the room it is given: wider at 120 columns than at 80, and shorter', () => {
    const [narrow, wide] = [at(80), at(120)];
    expect(widest(wide)).toBeGreaterThan(100);
    expect(wide.split('\n').length).toBeLessThan(narrow.split('\n').length);
  });
});

describe('conjoining Hangul jamo', () => {
  // 한 written as three jamo: leading ᄒ (2 columns), vowel ᅡ and final ᆫ (none): a terminal shows one syllable.
  const HAN = '\u1112\u1161\u11ab';

  it('a syllable made of jamo takes two columns, as the precomposed one does', () => {
    expect(displayWidth(HAN)).toBe(2);
    expect(displayWidth(`${HAN}${HAN}국`)).toBe(6);
    expect(displayWidth('\u1112\u1161\u11ab\ud7b0')).toBe(2);
  });

  it('a table cell with one keeps its border in line', () => {
    const table = boxTable(['Name'], [[`${HAN}국 council`], ['한국 council']], [14]).split('\n');
    expect(new Set(table.map(columns)).size).toBe(1);
  });
});
