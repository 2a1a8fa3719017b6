// Kinds of body: a framework's kinds checked where they are named, a return's kind checked
// against them, each problem at its place and exit 2 from the CLI.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../src/errors.js';
import { checkFramework } from '../src/model/load-framework.js';
import { BUNDLED, dutykit } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-kinds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function copy(id: string, file: string, edit: (text: string) => string): string {
  const dir = join(tmp, `case-${n++}`, id);
  cpSync(join(BUNDLED, id), dir, { recursive: true });
  const before = readFileSync(join(dir, file), 'utf8');
  const after = edit(before);
  expect(after, 'the edit changed nothing').not.toBe(before);
  writeFileSync(join(dir, file), after);
  return dir;
}
const problems = (dir: string) => (checkFramework(dir).problems ?? []).map((p) => formatProblem(p).replace(`${dir}/`, ''));
const SCHOOLS = 'thurrock-schools-2020';
const RISK = 'policy-referral-and-risk.yaml';

describe('kinds in a framework folder', () => {
  it.each([
    ['a question naming an unknown kind', () => copy(SCHOOLS, RISK, (t) => t.replace('kinds: [secondary, all-through', 'kinds: [secondry, all-through')),
      'policy-referral-and-risk.yaml:55:13: questions[2].kinds[0]: unknown kind "secondry" (did you mean "secondary"?); expected one of primary, secondary, all-through, special, alternative-provision, sixth-form, college'],
    ['essential for a kind the question is not asked of', () => copy(SCHOOLS, RISK, (t) => t.replace('kinds: [secondary, all-through, sixth-form, college]', 'kinds: [secondary, all-through, sixth-form, college]\n    essential_for: [primary]')),
      'policy-referral-and-risk.yaml:56:21: questions[2].essential_for[0]: essential for "primary", but the question does not apply to it (kinds: secondary, all-through, sixth-form, college)'],
    ['a kind declared twice', () => copy(SCHOOLS, 'framework.yaml', (t) => t.replace('- { id: special, label: Special school }', '- { id: primary, label: Special school }')),
      'framework.yaml:35:11: kinds[3].id: kind id "primary" is used twice (also kinds[0])'],
    ['kinds named where the framework declares none', () => copy('home-office-2018', 'venue-hire.yaml', (t) => t.replace(/essential: true/, 'essential: true\n    kinds: [primary]')),
      expect.stringMatching(/^venue-hire\.yaml:\d+:\d+: questions\[0\]\.kinds\[0\]: kind "primary": the framework declares no kinds; add `kinds:` to framework.yaml$/)],
  ])('%s', (_name, make, expected) => {
    expect(problems(make())).toEqual([expected]);
  });
});

const ret = (body: string) => {
  const file = join(tmp, `return-${n++}.yaml`);
  writeFileSync(file, `framework: ${SCHOOLS}\nauthority: Thameside Primary School\n${body}period: 2024/25\ndate: 2025-03-12\n`);
  return file;
};

describe("a return's kind", () => {
  it('an unknown kind: file:line:col, the kinds known, exit 2', () => {
    const file = ret('kind: secundary\nreference: 100001\n');
    const r = dutykit(['rate', file]);
    expect(r.status).toBe(2);
    expect(dutykit(['validate', file]).status).toBe(1);
    expect(r.stderr).toContain(`${file}:3:7: kind: `);
    expect(r.stderr).toMatch(/secundary/);
    expect(r.stderr).toMatch(/did you mean "secondary"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('no kind on a return against a framework with kinds: exit 2, saying which kinds there are', () => {
    const r = dutykit(['rate', ret('')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/:1:1: kind: .*primary/);
  });

  it('a kind on an assessment against a framework without kinds: exit 2', () => {
    const file = join(tmp, `council-${n++}.yaml`);
    writeFileSync(file, 'framework: home-office-2018\nauthority: Test Council\nkind: primary\nperiod: 2024/25\ndate: 2025-03-12\n');
    const r = dutykit(['report', file, '--stdout']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}:3:7: kind: the framework home-office-2018 declares no kinds of body; remove kind:`);
  });

  it('a question outside the kind needs no answer and shows as not applicable in rate and report', () => {
    const file = ret(
      'kind: primary\nreference: 100001\nbenchmarks:\n  policy-referral-and-risk:\n    answers:\n' +
        ['policy-includes-prevent', 'concerns-through-mash', 'action-plan', 'british-values'].map((q) => `      ${q}: { answer: met, evidence: yes }\n`).join(''),
    );
    expect(dutykit(['validate', file]).status).toBe(0);
    const md = dutykit(['report', file, '--stdout']);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('| Risk assessment completed | Not applicable to Primary school | — |');
    expect(md.stdout).toContain('4 of 4 questions answered.');
  });

  it('an answer to a question outside the kind is a warning naming the kind by its label, in the language asked, not counted', () => {
    const file = ret('kind: alternative-provision\nbenchmarks:\n  policy-referral-and-risk:\n    answers:\n      risk-assessment: { answer: not-met }\n');
    const english = 'risk-assessment: warning: this question is not asked of Alternative provision; its answer is not counted\n';
    expect(dutykit(['validate', file]).stderr).toContain(english);
    expect(dutykit(['rate', file]).stderr).toContain(english);
    expect(dutykit(['status', file]).stderr).toContain(english);
    const welsh = "risk-assessment: rhybudd: ni ofynnir y cwestiwn hwn i gorff o'r math Darpariaeth amgen; nid yw ei ateb yn cael ei gyfrif\n";
    expect(dutykit(['rate', file, '--lang', 'cy']).stderr).toContain(welsh);
    expect(dutykit(['rollup', file, '--lang', 'cy,en']).stderr).toContain(welsh);
  });
});
