// A sign-off records what it signed (a digest of the assessment). A later change, by `assess`
// or by hand, marks it out of date in every report and in `rate`/`validate`, until given again.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAssessment } from '../src/model/load-assessment.js';
import { signedDigest } from '../src/model/sign-off.js';
import { AssessmentEditor } from '../src/model/write-assessment.js';
import { dutykit } from './helpers.js';
import { extract } from './pdf-extract.js';

const OUT = '(out of date: the assessment changed after this sign-off)';
let dir: string;
let signed: string;

/** The example with its first sign-off recording what it signed. */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutykit-signed-'));
  const text = readFileSync('examples/northbridge-2025.yaml', 'utf8');
  const loaded = loadAssessment('examples/northbridge-2025.yaml', 'benchmarks').value!;
  signed = text.replace(
    '{ name: Cllr Helen Marsh, role: Chair of the Prevent Board, date: 2025-03-12 }',
    `{ name: Cllr Helen Marsh, role: Chair of the Prevent Board, date: 2025-03-12, signed: "${signedDigest(loaded.assessment)}" }`,
  );
  expect(signed).not.toBe(text);
});

const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const signOffs = (file: string) => loadAssessment(file, 'benchmarks').value!.assessment.sign_off;

describe('a sign-off and later changes', () => {
  it.each([
    ['nothing changed: it stands', (t: string) => t, false],
    ['only layout, quotes and comments changed: it stands', (t: string) => t.replace('authority: Northbridge Borough Council', 'authority: "Northbridge Borough Council"   # the council'), false],
    ['another sign-off added: it stands', (t: string) => `${t.trimEnd()}\n  - { name: Jo Bloggs, role: Chief Executive }\n`, false],
    ['an answer changed by hand: out of date', (t: string) => t.replace(/answer: met/, 'answer: partly'), true],
    ['an action added by assess: out of date', (t: string) => {
      const e = new AssessmentEditor(t, loadAssessment('examples/northbridge-2025.yaml', 'benchmarks').value!.framework);
      e.addAction('venue-hire', { action: 'Check the booking terms', status: 'open' });
      return e.toString();
    }, true],
  ])('%s', (name, change, stale) => {
    const file = write(`${name.replace(/\W+/g, '-')}.yaml`, change(signed));
    expect(signOffs(file)[0]!.outOfDate ?? false).toBe(stale);
    expect(signOffs(file)[1]!.outOfDate ?? false).toBe(false); // written by hand, without a digest: not judged
  });

  it('rate and validate say the sign-off is out of date; md, json and pdf reports mark it', async () => {
    const file = write('changed.yaml', signed.replace(/answer: met/, 'answer: partly'));
    const rate = dutykit(['rate', file]);
    expect(rate.stderr).toContain('warning: the sign-off by Cllr Helen Marsh is out of date: the assessment has changed since it was given; sign off again');
    const validate = dutykit(['validate', file]);
    expect(validate.stdout + validate.stderr).toContain('the sign-off by Cllr Helen Marsh is out of date');

    const out = join(dir, 'reports');
    const r = dutykit(['report', file, '--format', 'md,json,pdf', '--out', out], { env: { SOURCE_DATE_EPOCH: '1741770000' } });
    expect(r.status, r.stderr).toBe(0);
    const base = join(out, '2025-03-12-northbridge-borough-council-prevent-self-assessment');
    expect(readFileSync(`${base}.md`, 'utf8')).toMatch(new RegExp(`\\| Cllr Helen Marsh \\| Chair of the Prevent Board \\| 12 March 2025 ${OUT.replace(/[()]/g, '\\$&')}`));
    expect(readFileSync(`${base}.md`, 'utf8')).not.toMatch(/Mark Adeyemi.*out of date/);
    const json = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
    expect(json.signOff.map((s: { outOfDate?: boolean }) => s.outOfDate ?? false)).toEqual([true, false]);
    const pdf = await extract(readFileSync(`${base}.pdf`));
    expect(pdf.pages.map((p) => p.text).join('\n').replace(/\s+/g, ' ')).toContain('out of date: the assessment changed after this sign-off');
  }, 60_000);
});
