// merge's summary comes from the message catalogue (merge.*): in Welsh with --lang cy, with the
// framework's Welsh question titles and answer words; JSON stays one language-free shape.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dutykit, ROOT } from './helpers.js';

const C = join(ROOT, 'examples/northbridge-2025-contributions');
const CONTRIBUTIONS = ['wessex-police', 'northbridge-nhs-trust', 'probation-service'].map((n) => join(C, `${n}.yaml`));

function fresh(): string {
  const target = join(mkdtempSync(join(tmpdir(), 'dutykit-merge-lang-')), 'northbridge-2025.yaml');
  cpSync(join(ROOT, 'examples/northbridge-2025.yaml'), target);
  return target;
}

describe('merge --lang', () => {
  it('cy: every label, heading and line in Welsh, the labels lined up', () => {
    const target = fresh();
    const r = dutykit(['merge', target, ...CONTRIBUTIONS, '--lang', 'cy']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(`Northbridge NHS Foundation Trust (${CONTRIBUTIONS[1]}): cyfraniad newydd`);
    expect(lines).toContain("  heb ei setlo  2.2 'Y partneriaid cywir yn aelodau': wedi'i fodloni'n rhannol, ychwanegwyd tystiolaeth");
    expect(lines).toContain('  camau         ychwanegwyd 2');
    expect(lines).toContain('Cwestiynau heb eu setlo (1):');
    expect(lines).toContain(`cyfunwyd i mewn i ${target}`);
    expect(r.stdout).not.toMatch(/unsettled|evidence added|new contribution|merged into/);
    // Merged again: nothing to merge, in Welsh.
    const again = dutykit(['merge', target, ...CONTRIBUTIONS, '--lang', 'cy']);
    expect(again.stdout).toContain("wedi'i gyfuno eisoes: dim wedi newid");
    expect(again.stdout).toContain(`dim i'w gyfuno: mae ${target} heb newid`);
  });

  it('refuses a language it does not know before reading or writing anything', () => {
    const r = dutykit(['merge', fresh(), ...CONTRIBUTIONS, '--lang', 'fr']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^dutykit: --lang: unknown language "fr"/);
  });
});
