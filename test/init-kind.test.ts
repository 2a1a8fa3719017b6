// `dutykit init --kind`: a return's kind set on a plain init, checked against the framework's kinds.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dutykit } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-init-kind-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const SCHOOLS = ['--framework', 'thurrock-schools-2020'];

describe('init --kind', () => {
  it('writes the kind and lists only the questions that kind is asked; the file validates', () => {
    const file = join(tmp, 'primary.yaml');
    const r = dutykit(['init', file, ...SCHOOLS, '--kind', 'primary', '--authority', 'Thameside Primary School', '--period', '2024/25']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('2 benchmarks, 7 questions to answer');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^kind: primary$/m);
    // The risk assessment is asked of secondary schools and up only.
    expect(text).not.toContain('risk-assessment:');
    const v = dutykit(['validate', file]);
    expect(v.stdout).toContain('ok ');
    expect(v.status).toBe(0);
  });

  it('is read in any case; a secondary school is asked all eight', () => {
    const file = join(tmp, 'secondary.yaml');
    const r = dutykit(['init', file, ...SCHOOLS, '--kind', 'Secondary']);
    expect(r.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^kind: secondary$/m);
    expect(r.stderr).toContain('8 questions to answer');
    expect(r.stderr).toContain('Fill in authority and period at the top');
  });

  it('without --kind, the kind is left to fill in and the reminder says so', () => {
    const r = dutykit(['init', join(tmp, 'none.yaml'), ...SCHOOLS]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Fill in authority, kind and period at the top');
  });

  it.each([
    [[...SCHOOLS, '--kind', 'secondry'], '--kind: unknown kind "secondry" (did you mean "secondary"?); thurrock-schools-2020 has primary, secondary, all-through, special, alternative-provision, sixth-form, college'],
    [['--kind', 'primary'], '--kind: the framework home-office-2018 declares no kinds of body; leave --kind out'],
    [['--roster', 'examples/schools/roster-2024-25.yaml', '--out', 'x', '--kind', 'primary'], '--kind cannot be given with --roster: the roster gives each body its kind'],
    // What the roster gives (or --roster never does) is refused, not passed over in silence.
    [['--roster', 'examples/schools/roster-2024-25.yaml', '--out', 'x', '--date', '2025-02-01'], "--date cannot be given with --roster: each return is dated the roster's due date"],
    [['--roster', 'examples/schools/roster-2024-25.yaml', '--out', 'x', '--authority', 'Foo'], '--authority cannot be given with --roster: the roster gives each body its name'],
    [['--roster', 'examples/schools/roster-2024-25.yaml', '--out', 'x', '--framework', 'home-office-2018'], '--framework cannot be given with --roster: the roster names the framework'],
    [['--roster', 'examples/schools/roster-2024-25.yaml', '--out', 'x', '--force'], '--force cannot be given with --roster: a return that exists is never overwritten'],
    [['--date', ''], '--date: "" is not a date; write it as YYYY-MM-DD'],
  ])('refuses %j with exit 2 and writes nothing', (args, message) => {
    const file = join(tmp, 'refused.yaml');
    const r = dutykit(['init', ...(args.includes('--roster') ? [] : [file]), ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(() => readFileSync(file)).toThrow();
  });
});
