// "Only what you change is rewritten": Enter through every step keeps every byte of the file,
// quotes, escapes and all, and a value with a hidden character is shown escaped, never raw.
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, expect, it, vi } from 'vitest';
import { assessFile } from '../src/cli/assess/run.js';
import type { Io } from '../src/cli/assess/session.js';
import { blankAssessment } from '../src/model/blank.js';
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
  dir = mkdtempSync(join(tmpdir(), 'dutykit-bytes-'));
  vi.stubEnv('SOURCE_DATE_EPOCH', '1741737600');
});

async function at(message: string): Promise<string> {
  const source = message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await vi.waitFor(() => expect(screen.getScreen()).toMatch(new RegExp(`^\\? ${source}`)), { timeout: 10_000 });
  return screen.getScreen();
}
const choose = (down: number) => {
  for (let i = 0; i < down; i++) screen.keypress('down');
  screen.keypress('enter');
};

it('Enter through Details and a question keeps every byte: quotes, "\\u202e" escapes, flow maps', async () => {
  const file = join(dir, 'a.yaml');
  const e = new AssessmentEditor(blankAssessment(fw, { authority: 'x', period: 'x', date: '2025-03-12', marking: 'OFFICIAL', frameworkRef: fw.id }), fw);
  e.setAnswer('local-risk-assessment', 'ctlp-used', { answer: 'met', evidence: 'CTLP briefing' });
  const text = e
    .toString()
    .replace(/^authority: .*$/m, 'authority: "Riverside \\u202eCouncil"   # as the clerk wrote it')
    .replace(/^period: .*$/m, "period: '2024/25'")
    .replace(/^date: .*$/m, 'date: "2025-03-12"')
    .replace(/^marking: .*$/m, 'marking: "OFFICIAL"')
    .replace(/^assessors:.*$/m, 'assessors: [{ name: "Siân Llŷr", role: \'Prevent Lead\' }]')
    .replace(/( +)evidence: CTLP briefing\n/, '$1evidence: "CTLP briefing, \\"March\\""\n');
  writeFileSync(file, text);
  const run = assessFile(file, {}, io);

  await at('Answer');
  choose(6); // Menu
  await at('What next?');
  choose(3); // Details
  const name = await at("Council's name");
  expect(name).toContain('Riverside \\u202eCouncil'); // shown escaped, not as a raw reordering
  expect(name).not.toContain('\u202e');
  screen.keypress('enter');
  await at('Period');
  screen.keypress('enter');
  await at('Date the group agrees');
  screen.keypress('enter');
  await at('Protective marking');
  screen.keypress('enter');
  await at('Assessors: Siân Llŷr. Keep them?');
  screen.keypress('enter');
  await at('What next?');
  choose(1); // Jump to a benchmark
  await at('Which benchmark?');
  screen.keypress('enter');
  await at('1. Local Risk Assessment');
  choose(1); // Q1
  await at('Answer');
  screen.keypress('enter'); // Met, as it is
  await at('Evidence');
  screen.keypress('enter');
  await at('Links');
  screen.keypress('enter');
  await at('Date the evidence was last reviewed');
  screen.keypress('enter');
  await at('1. Local Risk Assessment');
  screen.keypress({ name: 'c', ctrl: true });
  await run.catch(() => undefined);
  expect(readFileSync(file, 'utf8')).toBe(text);
});
