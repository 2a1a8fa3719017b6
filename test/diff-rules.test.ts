// Frameworks are compared by content: a rule change is a cause, never silent, and can gate CI.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffAssessments } from '../src/diff/diff.js';
import { describeTrip, evaluateFailOn, trips } from '../src/diff/fail-on.js';
import { mappingBetween } from '../src/diff/mapping.js';
import { ruleChanges } from '../src/diff/rules.js';
import { canonicalJson, frameworkDigest } from '../src/model/framework-digest.js';
import type { Framework } from '../src/model/framework-schema.js';
import { all, framework, ROOT, schemaProblems, side } from './diff-helpers.js';

const fw18 = framework('home-office-2018');
const fw24 = framework('home-office-2024');
const VH = 'venue-hire';
/** Venue Hire with its essential due diligence not met: Red under the bundled rules. */
const venueNotMet = { [VH]: all(fw18, VH, 'met', { 'due-diligence': 'not-met' }) };
const patched = (patch: (fw: Framework) => Partial<Framework>): Framework => ({ ...fw18, ...patch(fw18) });
const withoutRed = patched((fw) => ({ rules: fw.rules.filter((r) => r.id !== 'red') }));
const changes = (now: Framework) => ruleChanges(fw18, now, mappingBetween(fw18, now));

describe('digest: a framework is its content', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe('{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('the same content gives the same digest; a rule deleted, a question reworded or an essential flag changes it', () => {
    const d = frameworkDigest(fw18);
    expect(d.content).toMatch(/^[0-9a-f]{64}$/);
    expect(frameworkDigest({ ...fw18, dir: '/elsewhere' })).toEqual(d);
    expect(frameworkDigest(withoutRed).rules).not.toBe(d.rules);
    const reworded = patched((fw) => ({ benchmarks: fw.benchmarks.map((b) => (b.id === VH ? { ...b, questions: b.questions.map((q, i) => (i ? q : { ...q, text: `${q.text}!` })) } : b)) }));
    expect([frameworkDigest(reworded).rules, frameworkDigest(reworded).content === d.content]).toEqual([d.rules, false]);
  });
});

describe('ruleChanges: every change that can move a computed rating, in a phrase', () => {
  const essentialOff = patched((fw) => ({ benchmarks: fw.benchmarks.map((b) => (b.id === VH ? { ...b, questions: b.questions.map((q) => (q.id === 'due-diligence' ? { ...q, essential: false } : q)) } : b)) }));
  const dropped = patched((fw) => ({ benchmarks: fw.benchmarks.map((b) => (b.id === VH ? { ...b, questions: b.questions.filter((q) => q.id !== 'due-diligence') } : b)) }));
  it.each([
    ['identical', fw18, []],
    ['a rule removed', withoutRed, ["rule 'red' removed"]],
    ['a rule changed', patched((fw) => ({ rules: fw.rules.map((r) => (r.id === 'green' ? { ...r, explain: 'all fine' } : r)) })), ["rule 'green' changed"]],
    ['rules reordered', patched((fw) => ({ rules: [fw.rules[0]!, fw.rules[1]!, fw.rules[3]!, fw.rules[2]!, fw.rules[4]!] })), ['rules in a new order: no-applicable-questions, essential-unanswered, green, red, amber (was no-applicable-questions, essential-unanswered, red, green, amber)']],
    ['freshness', patched(() => ({ evidence_valid_months: 36 })), ['evidence stays fresh for 36 months (was 12)']],
    ['stale answers no longer downgraded', patched((fw) => ({ answers: fw.answers.map((a) => ({ ...a, stale_as: undefined })) })), ['answer \'met\' with out-of-date evidence counts as itself (was partly)']],
    ['a rating relabelled and recoloured', patched((fw) => ({ ratings: fw.ratings.map((r) => (r.id === 'red' ? { ...r, label: 'Fine', colour: '#1E7B34' } : r)) })), ['rating \'red\' is now labelled "Fine" (was "Red")', "rating 'red' is now coloured #1E7B34 (was #C0281E)"]],
    ['an answer relabelled, its phrase too', patched((fw) => ({ answers: fw.answers.map((a) => (a.id === 'not-met' ? { ...a, label: 'Nearly', phrase: 'is nearly met' } : a)) })), ['answer \'not-met\' is now labelled "Nearly" (was "Not met")', 'answer \'not-met\' now reads "is nearly met" in reasons (was "is not met")']],
    ['an essential question made optional', essentialOff, ["'Due diligence on bookings' (Venue Hire) is no longer essential"]],
    ['an essential question deleted', dropped, ["essential question 'Due diligence on bookings' (Venue Hire) removed"]],
  ] as const)('%s', (_what, now, expected) => {
    expect(changes(now)).toEqual(expected);
  });
});

describe('diff: a rating moved by a rule change names it as the cause', () => {
  const d = diffAssessments(side(fw18, { benchmarks: venueNotMet }), side(withoutRed, { benchmarks: venueNotMet }));
  const row = d.rows.find((r) => r.benchmark?.id === VH)!;

  it('Venue Hire Red → Amber is caused by the rules, not by the answers', () => {
    expect([row.before?.label, row.after?.label, row.direction]).toEqual(['Red', 'Amber', 'improved']);
    expect(row.causes).toEqual([
      {
        kind: 'rules',
        text: "The framework's rules changed: rule 'red' removed; the old rules give Red, the new ones Amber",
        changes: ["rule 'red' removed"],
        computed: { from: { rating: 'red', label: 'Red' }, to: { rating: 'amber', label: 'Amber' } },
      },
    ]);
    expect(d.ruleChanges).toEqual(["rule 'red' removed"]);
    expect(d.notes).toContain("the framework's rules changed: rule 'red' removed");
    expect(d.notes).toContain('framework home-office-2018 1.0.0 differs between the two assessments: same id and version, other questions or rules');
  });

  it('--fail-on rules trips, naming the change and the benchmark it moved', () => {
    expect(trips(d, 'rules').map((r) => r.benchmark?.id)).toEqual([VH]);
    const [t] = evaluateFailOn(d, ['rules']);
    expect(describeTrip(t!)).toBe("--fail-on rules: the framework's rules changed: rule 'red' removed; 1 benchmark rated otherwise because of it: 8. Venue Hire (Red → Amber)");
  });

  it('--fail-on rules trips on a rule change that moved no rating, and never on identical frameworks', () => {
    const quiet = diffAssessments(side(fw18), side(withoutRed));
    expect(quiet.rows.flatMap((r) => r.causes)).toEqual([]);
    expect(evaluateFailOn(quiet, ['rules'])).toEqual([{ condition: 'rules', benchmarks: [], changes: ["rule 'red' removed"] }]);
    expect(evaluateFailOn(diffAssessments(side(fw18, { benchmarks: venueNotMet }), side(fw18, { benchmarks: venueNotMet })), ['rules'])).toEqual([]);
  });

  it('an essential flag flipped across frameworks is a rule change too', () => {
    expect(diffAssessments(side(fw18), side(fw24)).ruleChanges).toEqual(["'Faith and civil society links' (Communications and Engagement) is no longer essential"]);
  });
});

describe('through the binary: a folder that claims the bundled id with the red rule deleted', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dutykit-rules-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const fake = join(tmp, 'fake');
  cpSync(join(ROOT, 'benchmarks/home-office-2018'), fake, { recursive: true });
  const text = readFileSync(join(fake, 'framework.yaml'), 'utf8');
  writeFileSync(join(fake, 'framework.yaml'), text.slice(0, text.indexOf('  - id: red\n')) + text.slice(text.indexOf('  - id: green\n')));
  const answers = Object.entries(venueNotMet[VH].answers!).map(([q, a]) => `      ${q}: { answer: ${String(a)} }`).join('\n');
  const body = `authority: Testshire County Council\nperiod: 2024/25\ndate: 2025-03-12\nbenchmarks:\n  ${VH}:\n    answers:\n${answers}\n`;
  writeFileSync(join(tmp, 'old.yaml'), `framework: home-office-2018\n${body}`);
  writeFileSync(join(tmp, 'new.yaml'), `framework: ./fake\n${body}`);
  const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/dutykit.js'), 'diff', 'old.yaml', 'new.yaml', ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('diff shows the cause and warns that the folder is not the bundled framework', () => {
    const r = run('--format', 'md');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("- The framework's rules changed: rule 'red' removed; the old rules give Red, the new ones Amber");
    expect(r.stdout).toContain("- warning: the new assessment's framework says it is home-office-2018, but its questions or rules differ from the bundled home-office-2018");
     expect(r.stderr).toBe('new.yaml:1:12: framework: warning: this framework folder says it is home-office-2018, but its questions or rules differ from the bundled home-office-2018\n');
  });

  it('every command that reads the assessment warns, and a faithful copy of the bundled framework gets no warning', () => {
    const rate = spawnSync(process.execPath, [join(ROOT, 'bin/dutykit.js'), 'rate', 'new.yaml'], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(rate.stderr).toContain('new.yaml:1:12: framework: warning: this framework folder says it is home-office-2018');
    cpSync(join(ROOT, 'benchmarks/home-office-2018'), join(tmp, 'faithful'), { recursive: true });
    writeFileSync(join(tmp, 'faithful.yaml'), `framework: ./faithful\n${body}`);
    const same = spawnSync(process.execPath, [join(ROOT, 'bin/dutykit.js'), 'diff', 'old.yaml', 'faithful.yaml', '--fail-on', 'rules'], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect([same.status, same.stderr]).toEqual([0, '']);
    expect(same.stdout).not.toContain('warning');
  });

  it('--fail-on rules exits 1, and the JSON carries the digests and the changes', () => {
    const r = run('--format', 'json', '--fail-on', 'rules');
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').at(-2)).toBe("--fail-on rules: the framework's rules changed: rule 'red' removed; 1 benchmark rated otherwise because of it: 8. Venue Hire (Red → Amber)");
    const json = JSON.parse(r.stdout);
    expect(schemaProblems(JSON.parse(readFileSync(join(ROOT, 'schemas/diff.schema.json'), 'utf8')), json)).toEqual([]);
    expect(json.old.framework.digest).toBe(frameworkDigest(fw18).content);
    expect(json.new.framework.digest).not.toBe(json.old.framework.digest);
    expect(json.failOn.tripped).toEqual([{ condition: 'rules', benchmarks: [{ id: VH, name: '8. Venue Hire' }], changes: ["rule 'red' removed"] }]);
  });
});
