// Links are never joined and split again: a list kept with Enter stays exactly as the file has
// it, whatever its links hold (commas, spaces, quotes, any letters); new ones go one per line.
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { linksAnswer } from '../src/assess/links.js';
import { assessFile } from '../src/cli/assess/run.js';
import type { Io } from '../src/cli/assess/session.js';
import { blankAssessment } from '../src/model/blank.js';
import { loadAssessment } from '../src/model/load-assessment.js';
import { loadFramework } from '../src/model/load-framework.js';
import { AssessmentEditor } from '../src/model/write-assessment.js';

vi.mock('../src/cli/text-prompt.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/cli/text-prompt.js')>();
  return { ...actual, textPrompt: wrapPrompt(actual.textPrompt) };
});

const fw = loadFramework('benchmarks/home-office-2018').value!;
const io: Io = { say: () => undefined, paint: (_id, t) => t, width: 100 };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutykit-links-'));
  vi.stubEnv('SOURCE_DATE_EPOCH', '1741737600');
});

/** A link as a person might write one: no line break, no space at either end, never empty. */
const link = fc
  .string({ unit: fc.oneof(fc.constantFrom(',', ' ', '"', "'", '#', ':', '[', ']', '{', '}', '&', '*', '\\', 'ŵ', 'é', '“'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 30 })
  .filter((s) => !/[\r\n\u0085\u2028\u2029]/.test(s) && s === s.trim() && s.length > 0);
const links = fc.array(link, { minLength: 1, maxLength: 4 });

/** A file whose first question has evidence and `list` as its links (as --from carries them). */
function fileWith(list: string[]): string {
  const file = join(dir, `a-${Math.random().toString(36).slice(2)}.yaml`);
  const e = new AssessmentEditor(blankAssessment(fw, { authority: 'Riverside', period: '2024/25', date: '2025-03-12', marking: 'OFFICIAL', frameworkRef: fw.id }), fw);
  e.setAnswer('local-risk-assessment', 'ctlp-used', { evidence: 'CTLP briefing', links: list });
  writeFileSync(file, e.toString());
  return file;
}

async function at(message: string): Promise<void> {
  const source = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await vi.waitFor(() => expect(screen.getScreen()).toMatch(new RegExp(`^\\? ${source}`)), { timeout: 10_000 });
}

describe('linksAnswer', () => {
  it.each([
    ['Enter keeps the list untouched', ['a, b'], undefined, undefined],
    ['- removes it', ['a'], null, null],
    ['- on no links changes nothing', [], null, undefined],
    ['one link per line, commas and spaces kept', [], 'restricted/Minutes, March 2025.docx\n https://x.example/a?b=1,2 \n', ['restricted/Minutes, March 2025.docx', 'https://x.example/a?b=1,2']],
    ['the same list typed again is no change', ['a, b', 'c'], 'a, b\nc', undefined],
  ])('%s', (_, current, typed, want) => expect(linksAnswer(current, typed)).toEqual(want));

  it('any list of links survives being kept, and being typed again one per line', () => {
    fc.assert(
      fc.property(links, (list) => {
        expect(linksAnswer(list, undefined)).toBeUndefined();
        expect(linksAnswer(list, list.join('\n'))).toBeUndefined();
      }),
    );
  });
});

describe('assess keeps links', () => {
  it('any list of links survives Enter at the links prompt, byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(links, async (list) => {
        const file = fileWith(list);
        const before = readFileSync(file, 'utf8');
        expect(loadAssessment(file, 'benchmarks').value!.assessment.benchmarks['local-risk-assessment']!.answers['ctlp-used']!.links).toEqual(list);
        const run = assessFile(file, {}, io);
        await at('Answer');
        screen.keypress('enter'); // Met
        await at('Evidence');
        screen.keypress('enter');
        await at('Links');
        screen.keypress('enter');
        await at('Date the evidence was last reviewed');
        screen.keypress({ name: 'c', ctrl: true });
        await run.catch(() => undefined);
        const after = readFileSync(file, 'utf8');
        // Only the answer changed: every other byte, the links' included, is as it was.
        expect(after).toBe(before.replace(/(ctlp-used:\n(?:.*\n)*?\s+answer:)\n/, '$1 met\n'));
        expect(loadAssessment(file, 'benchmarks').value!.assessment.benchmarks['local-risk-assessment']!.answers['ctlp-used']!.links).toEqual(list);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
