// Unsettled and settled questions in rate, validate and the reports (md, json, pdf), run as a
// user would on the Northbridge example with its three contributions merged.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from './pdf-extract.js';
import { dutykit, ROOT } from './helpers.js';

const EXAMPLES = join(ROOT, 'examples');
const CONTRIBUTIONS = ['wessex-police', 'northbridge-nhs-trust', 'probation-service'].map((n) => join(EXAMPLES, 'northbridge-2025-contributions', `${n}.yaml`));
let dir: string;
let merged: string;
let settled: string;

const SETTLEMENT = `
        settled:
          answer: partly
          reason: The trust's attendance figures are the board's own minutes.
          date: 2025-03-12
          positions: { Northbridge Borough Council: met, Northbridge NHS Foundation Trust: partly, Wessex Police: met }
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutykit-unsettled-'));
  merged = join(dir, 'merged.yaml');
  cpSync(join(EXAMPLES, 'northbridge-2025.yaml'), merged);
  expect(dutykit(['merge', merged, ...CONTRIBUTIONS]).status).toBe(0);
  // The group settles it by hand as the challenge session would: its answer, and the settlement.
  settled = join(dir, 'settled.yaml');
  const text = readFileSync(merged, 'utf8');
  const at = text.indexOf('      senior-leadership:');
  writeFileSync(settled, (text.slice(0, at).trimEnd() + SETTLEMENT + text.slice(at)).replace(/(right-membership:\n {8}answer: )met/, '$1partly'));
});

describe('an unsettled question', () => {
  it('rate marks its benchmark, and --json names the question', () => {
    const r = dutykit(['rate', merged], { env: { COLUMNS: '200' } });
    expect(r.stdout).toMatch(/│ 2 +│ Multi Agency Partnership Board +│ Amber +│ computed · 1 unsettled │/);
    const j = JSON.parse(dutykit(['rate', merged, '--json']).stdout);
    expect(j.benchmarks[1].reason).toContain("'Right partners are members' is unsettled (Northbridge Borough Council: met, Northbridge NHS Foundation Trust: partly met, Wessex Police: met), so it counts as partly met until the group settles it");
    expect(j.benchmarks[1]).toMatchObject({ id: 'multi-agency-partnership-board', unsettled: ['right-membership'] });
    expect(j.benchmarks[0].unsettled).toBeUndefined();
  });

  it('the board report lists it under "Positions not yet settled" with each position\'s evidence', () => {
    const md = dutykit(['report', merged, '--stdout']).stdout;
    const section = md.slice(md.indexOf('## Positions not yet settled'), md.indexOf('## 1. Local Risk Assessment'));
    expect(section).toContain('### 2.2 Right partners are members');
    expect(section).toContain('Benchmark 2. Multi Agency Partnership Board; counts as Partly met until settled.');
    expect(section).toContain('| Northbridge NHS Foundation Trust | Partly met | Mental health services have had no named member or deputy since the September 2024 restructure.<br>The trust\'s safeguarding lead attended two of the six board meetings.<br>Reviewed 18 February 2025 |');
    expect(section).toContain('| Northbridge Borough Council | Met | Probation and the Integrated Care Board joined in July 2024.');
    expect(md).toContain('| Right partners are members (essential) | Partly met (unsettled) |');
    const json = JSON.parse(dutykit(['report', merged, '--stdout', '--format', 'json']).stdout);
    expect(json.unsettled).toHaveLength(1);
    expect(json.unsettled[0].positions.map((p: { organisation: string }) => p.organisation)).toEqual(['Northbridge Borough Council', 'Northbridge NHS Foundation Trust', 'Wessex Police']);
  });

  it('every report names the organisations that gave evidence, benchmark by benchmark (provenance)', async () => {
    const md = dutykit(['report', merged, '--stdout']).stdout;
    const referral = md.slice(md.indexOf('## 4. Referral Process'), md.indexOf('## 5. Channel Panel'));
    expect(referral).toContain('**Evidence from contributing organisations**');
    expect(referral).toContain('| Referrals are tracked | Wessex Police | Met | Every referral from the council is logged on the police case system with its outcome.<br>Links: restricted/police/referral-log-extract-2024.xlsx<br>Reviewed 10 February 2025 |');
    expect(md).toMatch(/\| Contributions \| Northbridge NHS Foundation Trust \(Dr Ana Costa, Named Professional for Safeguarding Adults\), 21 February 2025; Probation Service/);
    const json = JSON.parse(dutykit(['report', merged, '--stdout', '--format', 'json']).stdout);
    expect(json.benchmarks[3].contributed.map((c: { question: string; positions: { organisation: string }[] }) => [c.question, c.positions.map((p) => p.organisation)])).toEqual([
      ['partners-use-pathway', ['Northbridge NHS Foundation Trust']],
      ['referrals-tracked', ['Wessex Police']],
    ]);
    const page = dutykit(['report', merged, '--stdout', '--format', 'html']).stdout;
    expect(page).toContain('<h2 id="unsettled">Positions not yet settled</h2>');
    expect(page).toContain('<caption>Evidence from contributing organisations</caption>');
    expect(page).toContain('<td>Referrals are tracked</td><th scope="row">Wessex Police</th><td>Met</td>');
    const out = join(dir, 'pdf');
    expect(dutykit(['report', merged, '--format', 'pdf', '--out', out], { env: { SOURCE_DATE_EPOCH: '1741737600' } }).status).toBe(0);
    const pdf = await extract(readFileSync(join(out, '2025-03-12-northbridge-borough-council-prevent-self-assessment.pdf')));
    const text = pdf.pages.map((p) => p.text.replace(/\s+/g, ' ')).join(' ');
    expect(text).toContain('Positions not yet settled');
    expect(text).toContain('2.2 Right partners are members Benchmark 2. Multi Agency Partnership Board; counts as Partly met until settled.');
    expect(text).toContain('Evidence from contributing organisations');
    expect(text).toContain('Every referral from the council is logged on the police case system with its outcome.');
  });

  it('the public report keeps the reason but not who said what', () => {
    const md = dutykit(['report', merged, '--stdout', '--audience', 'public']).stdout;
    expect(md).not.toContain('Positions not yet settled');
    expect(md).not.toMatch(/Wessex|NHS|Probation Service|Contributions/);
    expect(md).toContain("'Right partners are members' is unsettled, so it counts as partly met until the group settles it");
  });
});

describe('a settled question', () => {
  it('counts as the group\'s answer, and the report shows "Settled at challenge"', () => {
    const v = dutykit(['validate', settled]);
    expect(v.status).toBe(0);
    expect(v.stderr).not.toContain('unsettled');
    const md = dutykit(['report', settled, '--stdout']).stdout;
    expect(md).not.toContain('Positions not yet settled');
    expect(md).toContain('| Right partners are members (essential) | Partly met (settled at challenge) |');
    expect(md).toContain(
      "*Settled at challenge:* Right partners are members: Partly met, on 12 March 2025 (positions settled: Northbridge Borough Council: Met; Northbridge NHS Foundation Trust: Partly met; Wessex Police: Met). Reason: The trust's attendance figures are the board's own minutes.",
    );
  });

  it('is unsettled again when an organisation changes its answer after it', () => {
    const lapsed = join(dir, 'lapsed.yaml');
    const text = readFileSync(settled, 'utf8');
    const at = text.indexOf('right-membership:');
    writeFileSync(lapsed, text.slice(0, at) + text.slice(at).replace(/(Wessex Police:\n {12}answer: )met/, '$1not-met'));
    const v = dutykit(['validate', lapsed]);
    expect(v.stderr).toContain("warning: 'Right partners are members' is unsettled (Northbridge Borough Council: partly met, Northbridge NHS Foundation Trust: partly met, Wessex Police: not met); the settlement of 2025-03-12 no longer covers them");
  });
});
