// What a hostile test of `merge` found (attack report 5, 6, 14, 17, 18), run as a user would:
// an older contribution, fields merge does not take, the assess lock, the contribution's date
// in its report, and one organisation spelt several ways.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { startedAt } from '../src/cli/assess/lock.js';
import { loadAssessment } from '../src/model/load-assessment.js';
import { BUNDLED, dutykit, exampleCopy, ROOT } from './helpers.js';

const C = join(ROOT, 'examples/northbridge-2025-contributions');
const POLICE = join(C, 'wessex-police.yaml');
const police = readFileSync(POLICE, 'utf8');
let target: string;
let write: (name: string, text: string) => string;
beforeEach(() => {
  ({ target, write } = exampleCopy('dutykit-merge-attack-'));
});
const positions = (q = 'right-membership', b = 'multi-agency-partnership-board') => loadAssessment(target, BUNDLED).value!.assessment.benchmarks[b]!.answers[q]!.positions!;

describe('merge refuses what would lose or hide something', () => {
  it('a contribution older than the one already merged from its organisation: exit 2 at its date, nothing written; --allow-older merges it', () => {
    const newer = write('police-march.yaml', police.replace('date: 2025-02-17', 'date: 2025-03-01').replaceAll('answer: met', 'answer: partly'));
    expect(dutykit(['merge', target, newer]).status).toBe(0);
    const before = readFileSync(target);
    const r = dutykit(['merge', target, POLICE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${POLICE}:6:7: date: this contribution from Wessex Police is dated 2025-02-17, before the one from Wessex Police already merged into ${target} (2025-03-01); merging it would replace the newer positions: to do so all the same, give --allow-older\n`);
    expect(readFileSync(target).equals(before)).toBe(true);
    const allowed = dutykit(['merge', target, POLICE, '--allow-older']);
    expect(allowed.status).toBe(0);
    expect(positions()['Wessex Police']!.answer).toBe('met');
  });

  it('while dutykit assess has the file open: exit 2 with assess\'s own message, nothing written, the lock left alone', () => {
    const lock = `${target}.lock`;
    const held = `${process.pid}\nstarted ${startedAt(process.pid)}\n`;
    writeFileSync(lock, held);
    const before = readFileSync(target);
    const r = dutykit(['merge', target, POLICE]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`dutykit: ${target} is open in another dutykit assess (pid ${process.pid}). Finish that session first; if no such process is running, delete ${lock}.\n`);
    expect(r.stdout).toBe('');
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(readFileSync(lock, 'utf8')).toBe(held);
  });
});

describe('merge says what it did', () => {
  it('names every field of a contribution it does not take', () => {
    const extra = police
      .replace('        reviewed: 2025-02-10\n  multi-agency', '        reviewed: 2025-02-10\n        positions:\n          Someone Else: { answer: not-met }\n        settled: { answer: met, reason: we agreed, date: 2025-02-01, positions: { Someone Else: not-met } }\n    rationale: Our view\n  multi-agency')
      .replace('contributor:', 'contributors:\n  - { organisation: Someone Else, date: 2025-01-01 }\ncontributor:');
    const r = dutykit(['merge', target, write('police.yaml', extra)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("  left out  the positions on 1.1 'Risk assessment uses the CTLP' (merge takes the organisation's own answer)\n");
    expect(r.stdout).toContain("  left out  the settlement of 1.1 'Risk assessment uses the CTLP' (the group settles at challenge)\n");
    expect(r.stdout).toContain('  left out  the rationale of 1. Local Risk Assessment (the group gives its own)\n');
    expect(r.stdout).toContain('  left out  its list of contributions merged (contributors:)\n');
    expect(Object.keys(positions('ctlp-used', 'local-risk-assessment'))).toEqual(['Wessex Police']);
  });

  it('one organisation whatever its case, spacing or Unicode form: filed under the file\'s spelling, and said so', () => {
    expect(dutykit(['merge', target, POLICE]).status).toBe(0);
    const shouting = write('shouting.yaml', police.replace('organisation: Wessex Police', 'organisation: "WESSEX  POLICE "').replace(/right-membership:\n {8}answer: met/, 'right-membership:\n        answer: partly'));
    const r = dutykit(['merge', target, shouting]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  filed as Wessex Police, as the file already spells it (the contribution says WESSEX  POLICE)\n');
    expect(positions()).toMatchObject({ 'Wessex Police': { answer: 'partly' } });
    expect(Object.keys(positions())).not.toContain("WESSEX  POLICE");
    expect(loadAssessment(target, BUNDLED).value!.assessment.contributors!.map((c) => c.organisation)).toEqual(['Wessex Police']);
    // Café written two ways (NFC and NFD) in one run: one organisation, so the second is refused.
    const nfc = write('nfc.yaml', police.replace('organisation: Wessex Police', 'organisation: Caf\u00e9'));
    const nfd = write('nfd.yaml', police.replace('organisation: Wessex Police', 'organisation: Cafe\u0301'));
    const both = dutykit(['merge', target, nfc, nfd]);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('contributor.organisation: a second contribution from Cafe\u0301');
  });

  it("a contribution's report gives its date as the contribution's, not as the date the group agreed", () => {
    const md = dutykit(['report', POLICE, '--stdout']).stdout;
    expect(md).toContain('| Date of the contribution | 17 February 2025 |');
    expect(md).not.toContain('Date agreed');
    expect(dutykit(['report', target, '--stdout']).stdout).toContain('| Date agreed | 12 March 2025 |');
  });
});
