// `diff` between two versions of a partnership file names the contributions added or changed
// since, and the settlements made, as causes (issue 14, item 5): text, Markdown, JSON, Welsh.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AssessmentEditor } from '../src/model/write-assessment.js';
import { schemaProblems } from './diff-helpers.js';
import { dutykit, framework, ROOT } from './helpers.js';

const C = join(ROOT, 'examples/northbridge-2025-contributions');
const dir = mkdtempSync(join(tmpdir(), 'dutykit-diff-contrib-'));
const [OLD, NEW] = [join(dir, 'old.yaml'), join(dir, 'new.yaml')];
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/diff.schema.json'), 'utf8'));

beforeAll(() => {
  // Old: the police's contribution merged. New: the police's updated one (met → partly met,
  // dated 1 March), the trust's and probation's, and one question settled at challenge.
  copyFileSync(join(ROOT, 'examples/northbridge-2025.yaml'), OLD);
  expect(dutykit(['merge', OLD, join(C, 'wessex-police.yaml')]).status).toBe(0);
  copyFileSync(OLD, NEW);
  const police = join(dir, 'police-updated.yaml');
  writeFileSync(police, readFileSync(join(C, 'wessex-police.yaml'), 'utf8').replaceAll('answer: met', 'answer: partly').replace('date: 2025-02-17', 'date: 2025-03-01'));
  expect(dutykit(['merge', NEW, police, join(C, 'northbridge-nhs-trust.yaml'), join(C, 'probation-service.yaml')]).status).toBe(0);
  const e = new AssessmentEditor(readFileSync(NEW, 'utf8'), framework());
  e.settle('referral-process', 'referrals-tracked', { answer: 'partly', reason: 'Outcomes are missing for a third', date: '2025-03-12', positions: { 'Northbridge Borough Council': 'met', 'Wessex Police': 'partly' } });
  writeFileSync(NEW, e.toString());
});

describe('diff names contributions as causes', () => {
  it('--json: each organisation, new or updated, with what it changed, and the settlement; valid against the schema', () => {
    const r = dutykit(['diff', OLD, NEW, '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(schemaProblems(schema, json)).toEqual([]);
    const causes = (id: string) => json.rows.find((x: { benchmark: { id: string } }) => x.benchmark.id === id).causes;
    const board = causes('multi-agency-partnership-board').filter((c: { kind: string }) => c.kind === 'contribution');
    expect(board).toEqual([
      expect.objectContaining({ organisation: 'Northbridge NHS Foundation Trust', contribution: 'new', date: '2025-02-21', positions: [{ question: 'right-membership', title: 'Right partners are members', change: 'new position', to: 'partly' }] }),
      expect.objectContaining({ organisation: 'Probation Service', contribution: 'new', positions: [{ question: 'right-membership', title: 'Right partners are members', change: 'evidence' }] }),
      expect.objectContaining({ organisation: 'Wessex Police', contribution: 'updated', date: '2025-03-01', positions: [{ question: 'right-membership', title: 'Right partners are members', change: 'changed', from: 'met', to: 'partly' }] }),
    ]);
    expect(causes('referral-process')).toContainEqual({ kind: 'settled', text: "Settled at challenge on 12 March 2025: 'Referrals are tracked' as partly met (Outcomes are missing for a third)", question: 'referrals-tracked', answer: 'partly', date: '2025-03-12' });
    // A benchmark no contribution touched has no such cause.
    expect(causes('venue-hire').filter((c: { kind: string }) => c.kind === 'contribution')).toEqual([]);
  });

  it('text and Markdown say it in words, next to the answer change it caused', () => {
    const md = dutykit(['diff', OLD, NEW, '--format', 'md']).stdout;
    expect(md).toContain("#### 1. Local Risk Assessment: Green → Amber (declined)\n\n- Green → Amber: 'Risk assessment uses the CTLP' (essential) is now only partly met (was met)\n- Contribution from Wessex Police updated (1 March 2025): position changed on 'Risk assessment uses the CTLP' (met → partly met)\n");
    expect(md).toContain("- Contribution from Northbridge NHS Foundation Trust (21 February 2025): new position on 'Right partners are members' (partly met)\n");
    expect(md).toContain("- Contribution from Probation Service (24 February 2025): evidence added to 'Right partners are members'\n");
    const text = dutykit(['diff', OLD, NEW], { env: { COLUMNS: '400' } }).stdout;
    expect(text).toContain("Contribution from Wessex Police updated (1 March 2025): position changed on 'Referrals are tracked' (met → partly met)");
  });

  it('in Welsh too', () => {
    const md = dutykit(['diff', OLD, NEW, '--format', 'md', '--lang', 'cy']).stdout;
    expect(md).toContain('- Cyfraniad gan Wessex Police wedi\'i ddiweddaru (1 Mawrth 2025): safbwynt wedi newid ar');
    expect(md).toContain('- Setlwyd yn y sesiwn herio ar 12 Mawrth 2025:');
  });

  it('the public report names no organisation in its changes', () => {
    const out = mkdtempSync(join(tmpdir(), 'dutykit-diff-public-'));
    const board = dutykit(['report', NEW, '--previous', OLD, '--stdout']).stdout;
    expect(board).toContain('Contribution from Wessex Police updated');
    const pub = dutykit(['report', NEW, '--previous', OLD, '--stdout', '--audience', 'public', '--out', out]).stdout;
    expect(pub).toContain('Changes since');
    expect(pub).not.toMatch(/Contribution from|Wessex Police|Settled at challenge/);
  });
});

// Second hostile test of merge, finding 7: a settlement the positions have moved away from.
describe('a settlement that no longer stands', () => {
  it('is not named as a cause: the question is unsettled again', () => {
    const lapsed = join(dir, 'lapsed.yaml');
    const e = new AssessmentEditor(readFileSync(NEW, 'utf8'), framework());
    // The police are recorded as having said met; their position on file is partly met.
    e.settle('referral-process', 'referrals-tracked', { answer: 'partly', reason: 'Outcomes are missing for a third', date: '2025-03-12', positions: { 'Northbridge Borough Council': 'met', 'Wessex Police': 'met' } });
    writeFileSync(lapsed, e.toString());
    const settled = (file: string) => {
      const r = dutykit(['diff', OLD, file, '--json']);
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout).rows.flatMap((x: { causes: { kind: string }[] }) => x.causes).filter((c: { kind: string }) => c.kind === 'settled');
    };
    expect(settled(NEW)).toHaveLength(1);
    expect(settled(lapsed)).toEqual([]);
  });
});

// Second hostile test of merge, finding 8: evidence taken away is not "evidence added".
describe('evidence a contribution changes', () => {
  it('is "changed" where the organisation had given evidence before, "added" only where it had not', () => {
    const less = join(dir, 'less.yaml');
    const text = readFileSync(OLD, 'utf8');
    // The police's position on 'Risk assessment uses the CTLP' without its review date.
    const police = text.indexOf('Wessex Police:', text.indexOf('ctlp-used:'));
    const reviewed = text.indexOf('reviewed: 2025-02-10', police);
    writeFileSync(less, text.slice(0, text.lastIndexOf('\n', reviewed)) + text.slice(text.indexOf('\n', reviewed)));
    const r = dutykit(['diff', OLD, less, '--format', 'md']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("evidence changed on 'Risk assessment uses the CTLP'");
    expect(r.stdout).not.toContain('evidence added');
  });
});
