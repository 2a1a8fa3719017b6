// The place a stopped `assess` keeps (<file>.unfinished) is read only when it is ours: an
// ordinary file of the size of a line of JSON. A huge one was read whole before the first prompt.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readUnfinished } from '../src/cli/assess/unfinished.js';

it('reads a place that is a line of JSON, and leaves a file far larger than one unread', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'dutykit-unfinished-')), 'a.yaml');
  const place = { benchmark: 'venue-hire', question: 'policy', part: 'links' };
  writeFileSync(`${file}.unfinished`, `${JSON.stringify(place)}\n`);
  expect(readUnfinished(file)).toEqual(place);
  // The same place with a megabyte of spaces after it: still valid JSON, but not one of ours.
  writeFileSync(`${file}.unfinished`, `${JSON.stringify(place)}${' '.repeat(1024 * 1024)}\n`);
  expect(readUnfinished(file)).toBeUndefined();
});
