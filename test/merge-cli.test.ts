// `dutykit merge` and contributions, run as a user would: the built binary on copies of the examples.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadAssessment } from '../src/model/load-assessment.js';
import { mergeContributions } from '../src/merge/merge.js';
import { BUNDLED, dutykit, ROOT } from './helpers.js';

const EXAMPLES = join(ROOT, 'examples');
const CONTRIBUTIONS = ['wessex-police', 'northbridge-nhs-trust', 'probation-service'].map((n) => join(EXAMPLES, 'northbridge-2025-contributions', `${n}.yaml`));
let dir: string;
let target: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutykit-merge-'));
  target = join(dir, 'northbridge-2025.yaml');
  cpSync(join(EXAMPLES, 'northbridge-2025.yaml'), target);
});

const load = (f: string) => {
  const l = loadAssessment(f, BUNDLED);
  if (!l.value) throw new Error(l.problems.map((p) => p.message).join('\n'));
  return l.value;
};

describe('dutykit merge', () => {
  it('adds each position under its organisation, keeps the comments and says what it did', () => {
    const before = readFileSync(target, 'utf8');
    const r = dutykit(['merge', target, ...CONTRIBUTIONS]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const after = readFileSync(target, 'utf8');
    // Nothing of the file is lost: every line before is still there, in order.
    const kept = before.split('\n').filter((l) => after.includes(l));
    expect(kept).toEqual(before.split('\n'));
    expect(after).toContain('# Example: the same fictional council');
    expect(after).toMatch(/right-membership:\n(?:.*\n)*? {8}positions:\n {10}Northbridge NHS Foundation Trust:\n {12}answer: partly/);
    expect(r.stdout).toContain("unsettled 2.2 'Right partners are members': partly met, evidence added");
    expect(r.stdout).toContain("Unsettled questions (1):\n  2. Multi Agency Partnership Board — 2.2 'Right partners are members': Northbridge Borough Council: met, Northbridge NHS Foundation Trust: partly met, Wessex Police: met");
    expect(r.stdout).toContain('actions   1 already there');
    // The text written is the pure merge, exactly.
    const pure = mergeContributions(load(target).framework, load(join(EXAMPLES, 'northbridge-2025.yaml')).assessment, CONTRIBUTIONS.map((f) => ({ file: f, assessment: load(f).assessment })));
    expect(load(target).assessment).toEqual(pure.assessment);
  });

  it('merging again changes nothing, byte for byte', () => {
    expect(dutykit(['merge', target, ...CONTRIBUTIONS]).status).toBe(0);
    const once = readFileSync(target);
    const r = dutykit(['merge', target, ...[...CONTRIBUTIONS].reverse()]);
    expect(r.status).toBe(0);
    expect(readFileSync(target).equals(once)).toBe(true);
    expect(r.stdout).toContain(`nothing to merge: ${target} is unchanged`);
    expect(r.stdout).toContain('Wessex Police (');
    expect(r.stdout).toContain('already merged: nothing changed');
  });

  it('an updated contribution replaces that organisation\'s positions and says what changed', () => {
    dutykit(['merge', target, ...CONTRIBUTIONS]);
    const police = join(dir, 'police.yaml');
    writeFileSync(police, readFileSync(CONTRIBUTIONS[0]!, 'utf8').replace(/right-membership:\n {8}answer: met/, 'right-membership:\n        answer: partly'));
    const r = dutykit(['merge', target, police]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Wessex Police (');
    expect(r.stdout).toContain('updated: its positions replace the ones it gave before');
    expect(r.stdout).toContain("changed   2.2 'Right partners are members': partly met (answer met → partly met): unsettled");
    const positions = load(target).assessment.benchmarks['multi-agency-partnership-board']!.answers['right-membership']!.positions!;
    expect(positions['Wessex Police']!.answer).toBe('partly');
  });

  it('--json says what was done', () => {
    const r = dutykit(['merge', target, CONTRIBUTIONS[1]!, '--json']);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ written: true, unsettled: [{ benchmark: 'multi-agency-partnership-board', question: 'right-membership' }] });
    expect(j.contributions[0]).toMatchObject({ organisation: 'Northbridge NHS Foundation Trust', status: 'new', actionsAdded: ['Report board attendance by sector to each meeting', 'Name a mental health member and deputy for the board'] });
  });

  const refusals: [string, (c: string) => string, RegExp][] = [
    ['a file that is not a contribution', (c) => c.replace(/contributor:\n(?: {2}.*\n)+/, ''), /:3:1: not a contribution: it has no contributor:/],
    ['a contribution to another authority', (c) => c.replace('authority: Northbridge Borough Council', 'authority: Thurrock Council'), /:4:12: authority: a contribution to Thurrock Council, but .* is the assessment of Northbridge Borough Council/],
    ['a contribution against another framework', (c) => c.replace('framework: home-office-2018', 'framework: home-office-2024').replace(/benchmarks:[\s\S]*/, ''), /:3:12: framework: a contribution against home-office-2024, but .* is against home-office-2018/],
    ['a contribution for another period', (c) => c.replace('period: 2024/25', 'period: 2025/26'), /:5:9: period: a contribution for 2025\/26, but .* covers 2024\/25/],
  ];
  it.each(refusals)('refuses %s: exit 2, file:line:col, nothing written', (_n, edit, want) => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, edit(readFileSync(CONTRIBUTIONS[0]!, 'utf8')));
    const before = readFileSync(target);
    const r = dutykit(['merge', target, CONTRIBUTIONS[1]!, bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}${want.source}`, 'm'));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  it('refuses a contribution given as the assessment, and two contributions from one organisation', () => {
    const r = dutykit(['merge', CONTRIBUTIONS[0]!, target]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("wessex-police.yaml:9:3: contributor: this is a contribution (from Wessex Police), not the partnership's assessment");
    const twice = dutykit(['merge', target, CONTRIBUTIONS[0]!, CONTRIBUTIONS[0]!]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('contributor.organisation: a second contribution from Wessex Police');
  });
});

describe('contribution files', () => {
  it('init --contributor writes a contribution listing every question, which validate, rate and report accept and name', () => {
    const file = join(dir, 'police.yaml');
    const init = dutykit(['init', file, '--contributor', 'Essex Police', '--authority', 'Northbridge Borough Council', '--period', '2024/25', '--date', '2025-02-10']);
    expect(init.status).toBe(0);
    expect(init.stderr).toContain('a contribution from Essex Police, 61 questions listed');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('contributor:\n  organisation: Essex Police\n  name:\n  role:\n');
    expect(text).not.toContain('rating:');
    expect(text).not.toContain('sign_off');
    const v = dutykit(['validate', file]);
    expect(v.status).toBe(0);
    expect(v.stdout).toContain(': a contribution from Essex Police to Northbridge Borough Council 2024/25: 0 of 61 questions answered');
    expect(dutykit(['rate', file]).stdout).toMatch(/^Contribution from Essex Police · Northbridge Borough Council/);
    expect(dutykit(['report', file, '--stdout']).stdout).toContain('| Contribution from | Essex Police |');
    const out = join(dir, 'reports');
    expect(dutykit(['report', file, '--out', out, '--json']).stdout).toContain('2025-02-10-northbridge-borough-council-prevent-self-assessment-contribution-essex-police.md');
  });

  it('validate warns about each unsettled question, at its positions', () => {
    dutykit(['merge', target, ...CONTRIBUTIONS]);
    const v = dutykit(['validate', target]);
    expect(v.status).toBe(0);
    expect(v.stderr).toMatch(/northbridge-2025\.yaml:\d+:11: benchmarks\.multi-agency-partnership-board\.answers\.right-membership\.positions: warning: 'Right partners are members' is unsettled \(Northbridge Borough Council: met, Northbridge NHS Foundation Trust: partly met, Wessex Police: met\)/);
  });
});
