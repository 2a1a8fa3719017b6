// Size and shape limits (spec §8), each with its own message. The file-size limit on a
// regular file, the alias bomb, deep flow nesting and duplicate keys are in loader.test.ts.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryOpen } from '../src/cli/open.js';
import { formatProblem } from '../src/errors.js';
import { LIMITS, parseSource, readSource } from '../src/model/source.js';

const HEAD = 'framework: home-office-2018\nauthority: X\nperiod: 2024/25\ndate: 2025-03-12\n';
const dir = mkdtempSync(join(tmpdir(), 'dutykit-limits-'));
let n = 0;
function problems(text: string): string[] {
  const file = join(dir, `${n++}.yaml`);
  writeFileSync(file, text);
  const r = tryOpen(file);
  return (r.problems ?? []).map((p) => formatProblem(p).slice(file.length + 1));
}
const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  return [f(), performance.now() - t0];
};

describe('string length: 100,000 characters per value', () => {
  it('takes a value of exactly the limit', () => {
    expect(problems(`${HEAD}marking: ${'x'.repeat(LIMITS.string)}\n`)).toEqual([]);
  });

  it('refuses one character more, where it is, naming the path', () => {
    expect(problems(`${HEAD}benchmarks:\n  venue-hire:\n    notes: ${'x'.repeat(LIMITS.string + 1)}\n`)).toEqual([
      '7:12: benchmarks.venue-hire.notes: text is 100,001 characters long; the limit is 100,000 per value',
    ]);
  });

  it('counts characters, not UTF-16 units: 100,000 emoji are 100,000 characters', () => {
    expect(problems(`${HEAD}marking: ${'😀'.repeat(LIMITS.string)}\n`)).toEqual([]);
    expect(problems(`${HEAD}marking: ${'😀'.repeat(LIMITS.string + 1)}\n`)).toEqual(['5:10: marking: text is 100,001 characters long; the limit is 100,000 per value']);
  });

  it('applies to keys as well', () => {
    expect(problems(`${HEAD}? ${'k'.repeat(LIMITS.string + 1)}\n: 1\n`)).toEqual(['5:3: key text is 100,001 characters long; the limit is 100,000 per value']);
  });
});

describe('nesting: 64 levels', () => {
  const blockMaps = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';

  it('block mappings: 64 levels are read (and then checked against the schema), 65 refused at the value 65 levels in', () => {
    expect(problems(`${HEAD}${blockMaps(64).replace('k0:', 'marking:')}`)).toEqual(['6:2: marking: expected text, found a mapping']);
    expect(problems(`${HEAD}${blockMaps(65)}`)).toEqual(['69:70: nested more than 64 levels deep']);
  });

  it('far past the limit, the file is refused before it is parsed, fast', () => {
    for (const text of [blockMaps(2000), `x:\n  ${'- '.repeat(5000)}x\n`, `x: ${'[{a: '.repeat(5000)}\n`]) {
      const [found, ms] = timed(() => problems(`${HEAD}${text}`));
      expect(found).toEqual([expect.stringMatching(/^\d+:\d+: nested more than 64 levels deep$/)]);
      expect(ms).toBeLessThan(1_000);
    }
  });
});

describe('aliases: 100 expansions', () => {
  const uses = (k: number) => `${HEAD}assessors:\n  - &p { name: Jo Bloggs }\nsign_off: [${Array(k).fill('*p').join(', ')}]\n`;
  it('takes 100 uses of an anchor and refuses 101', () => {
    expect(problems(uses(LIMITS.aliases)).filter((p) => /alias/.test(p))).toEqual([]);
    expect(problems(uses(LIMITS.aliases + 1))).toEqual(['1:1: too many alias expansions (the limit is 100): a YAML alias bomb is refused']);
  });
});

describe('file size: 5 MB, also for a file with no size to stat', () => {
  it('refuses bytes over the limit given in memory (as `assess` checks a file before saving it)', () => {
    expect(parseSource('x.yaml', Buffer.alloc(LIMITS.bytes + 1, 0x20)).problems?.map(formatProblem)).toEqual(['x.yaml:1:1: file is larger than 5 MB']);
  });

  it.skipIf(!existsSync('/dev/zero'))('stops reading an endless device at the limit (it once read until memory ran out)', () => {
    const [r, ms] = timed(() => readSource('/dev/zero'));
    expect(r.problems?.map(formatProblem)).toEqual(['/dev/zero:1:1: file is larger than 5 MB']);
    expect(ms).toBeLessThan(2_000);
  });
});

describe('lines and entries: 100,000', () => {
  it('refuses a file with more, before parsing it, where the count passes the limit', () => {
    const [found, ms] = timed(() => problems(`${HEAD}x: [${'1,'.repeat(LIMITS.items)}]\n`));
    expect(found).toEqual(['5:199986: more than 100,000 lines and entries; an assessment has a few thousand']);
    expect(ms).toBeLessThan(1_000);
  });
});

describe('shape', () => {
  it('a key must be plain text', () => {
    expect(problems(`${HEAD}? [a, b]\n: 1\n`)).toEqual(['5:3: a key must be plain text, not a list']);
    expect(problems(`${HEAD}x: &k y\n*k : 1\n`)).toEqual(['6:1: a key must be plain text, not an alias (*k)']);
    expect(problems(`${HEAD}: a value whose key was deleted\n`)).toEqual(['5:3: a key is missing before the colon']);
  });

  it('a duplicate key inside a mapping names where it is', () => {
    expect(problems(`${HEAD}benchmarks:\n  venue-hire:\n    rating: green\n    rating: red\n`)).toEqual(['8:5: benchmarks.venue-hire: duplicate key "rating": each key may appear only once here']);
  });

  it(`lists at most ${LIMITS.problems} problems a file, then how many more`, () => {
    const found = problems(`${HEAD}${Array.from({ length: 250 }, (_, i) => `x${i}: 1`).join('\n')}\n`);
    expect(found).toHaveLength(LIMITS.problems + 1);
    expect(found.at(-1)).toBe('104:1: and 150 more problems not shown; fix these and run again');
  });
});
