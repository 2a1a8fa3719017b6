// Warnings about a file are words dutykit says on the terminal, so they come from the message
// catalogue: `rate`, `report`, `diff` and `trend` print them in the language asked with
// --lang, and the English the catalogue gives is the English the file's checks record.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryOpen } from '../src/cli/open.js';
import { formatProblemIn } from '../src/errors.js';
import { messages } from '../src/i18n/catalogue.js';
import { loadFramework } from '../src/model/load-framework.js';
import { BIN, ROOT } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-warnings-'));
const EXAMPLE = readFileSync(join(ROOT, 'examples', 'northbridge-2025.yaml'), 'utf8');
let n = 0;
const file = (text: string) => {
  const f = join(tmp, `f${n++}.yaml`);
  writeFileSync(f, text);
  return f;
};
const dutykit = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** A copy of the bundled framework with one rule changed: it says it is home-office-2018, but is not. */
function alteredFramework(): string {
  const dir = mkdtempSync(join(tmp, 'fw-'));
  const src = join(ROOT, 'benchmarks', 'home-office-2018');
  const text = (name: string) => readFileSync(join(src, name), 'utf8');
  writeFileSync(join(dir, 'framework.yaml'), text('framework.yaml').replace('answer: not-met, at_least: 1', 'answer: not-met, at_least: 2'));
  for (const b of loadFramework(src).value!.benchmarks) writeFileSync(join(dir, `${b.id}.yaml`), text(`${b.id}.yaml`));
  return dir;
}

// One file for each warning the loader gives.
const CASES: [string, string][] = [
  ['warning.reviewedAfter', file(EXAMPLE.replace(/^date: .*$/m, 'date: 2024-01-01'))],
  ['warning.frameworkVersion', file('framework: home-office-2018\nframework_version: 0.9.0\nauthority: X\nperiod: 2024/25\ndate: 2025-03-12\n')],
  ['warning.frameworkDiffers', file(`framework: ${alteredFramework()}\nauthority: X\nperiod: 2024/25\ndate: 2025-03-12\n`)],
  [
    'warning.kindNotAsked',
    file('framework: thurrock-schools-2020\nauthority: A School\nkind: primary\nbenchmarks:\n  policy-referral-and-risk:\n    answers:\n      risk-assessment: { answer: not-met }\nperiod: 2024/25\ndate: 2025-03-12\n'),
  ],
  ['warning.signOffOutOfDate', file(EXAMPLE.replace('date: 2025-03-12 }', 'date: 2025-03-12, signed: not-what-was-signed }'))],
];

describe('warnings come from the catalogue', () => {
  it.each(CASES)('%s: the English recorded is the catalogue\'s, and Welsh says it with the same values', (key, f) => {
    const r = tryOpen(f);
    expect(r.problems).toBeUndefined();
    const w = r.opened!.warnings.find((x) => x.says?.key === key);
    expect(w, `no ${key} warning from ${f}`).toBeDefined();
    expect(messages('en').t(w!.says!.key, w!.says!.params)).toBe(w!.message);
    const cy = messages('cy').t(w!.says!.key, w!.says!.params);
    expect(cy).toMatch(/^rhybudd: /);
    for (const v of Object.values(w!.says!.params)) expect(cy).toContain(String(v));
  });

  it("a kind is named by its label, in each language from the framework's translation (the loader gives both)", () => {
    const w = tryOpen(CASES[3]![1]).opened!.warnings.find((x) => x.says?.key === 'warning.kindNotAsked')!;
    expect(w.message).toBe('warning: this question is not asked of Primary school; its answer is not counted');
    expect(formatProblemIn(w, messages('cy'))).toContain("rhybudd: ni ofynnir y cwestiwn hwn i gorff o'r math Ysgol gynradd; nid");
  });

  it('every warning the loader gives is a catalogue entry', () => {
    for (const [, f] of CASES) for (const w of tryOpen(f).opened!.warnings) expect(w.says, w.message).toBeDefined();
  });

  it('rate, report, diff and trend print them in the language asked; English stays the default', () => {
    const [, f] = CASES[0]!;
    for (const args of [['rate', f], ['report', f, '--stdout'], ['diff', f, f], ['trend', f]]) {
      const cy = dutykit([...args, '--lang', 'cy']);
      const en = dutykit(args);
      expect(cy.stderr, args.join(' ')).toContain('.reviewed: rhybudd: adolygwyd 2024-11-28, ar ôl dyddiad yr asesiad 2024-01-01');
      expect(cy.stderr).not.toContain('warning:');
      expect(en.stderr).toContain('.reviewed: warning: reviewed 2024-11-28, after the assessment date 2024-01-01');
    }
  });

  it('report --previous with a file that is not earlier: said in Welsh too', () => {
    const later = file(EXAMPLE.replace(/^date: .*$/m, 'date: 2026-01-01'));
    const r = dutykit(['report', join(ROOT, 'examples', 'northbridge-2025.yaml'), '--previous', later, '--stdout', '--lang', 'cy']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${later}: rhybudd: dyddiad 2026-01-01, nid cyn`);
  });
});
