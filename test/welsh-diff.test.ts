// `diff` and `trend` in Welsh: the furniture, the causes and the rating words in the chosen
// language, English still the default and the CI gate unchanged by the language.
import { describe, expect, it } from 'vitest';
import { dutykit } from './helpers.js';

const OLD = 'examples/northbridge-2024.yaml';
const NOW = 'examples/northbridge-2025.yaml';
const NEXT = 'examples/northbridge-2026.yaml';

describe('diff --lang cy', () => {
  it('text: headings, columns, directions, counts and causes in Welsh', () => {
    const r = dutykit(['diff', OLD, NOW, '--lang', 'cy'], { env: { COLUMNS: '160' } });
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/│ Meincnod\s+│ Cynt\s+│ Wedyn\s+│ Newid\s+│ Pam/);
    expect(out).toMatch(/^Cynt: \d+ Gwyrdd · \d+ Ambr/m);
    expect(out).toMatch(/^Wedyn: \d+ Gwyrdd · \d+ Ambr · \d+ Coch · \d+ Heb ei raddio eto$/m);
    expect(out).toMatch(/^Newid: /m);
    expect(out).toMatch(/│ ↑ wedi\s+│/);
    expect(out).not.toMatch(/\b(improved|declined|Before|After|Not yet rated)\b/);
    expect(out).not.toMatch(/│ (Green|Amber|Red)\s+│/);
  });

  it('md: Welsh headings and causes; dates in Welsh', () => {
    const r = dutykit(['diff', OLD, NOW, '--lang', 'cy', '--format', 'md']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('## Hunanasesiad Prevent: beth a newidiodd, Northbridge Borough Council');
    expect(r.stdout).toContain('(12 Mawrth 2025)');
    expect(r.stdout).toContain('### Beth a newidiodd, a pham');
    expect(r.stdout).toContain('| # | Meincnod | Cynt | Wedyn | Newid |');
    expect(r.stdout).not.toContain('What changed');
  });

  it('the gate trips the same in any language, and English is unchanged by default', () => {
    const en = dutykit(['diff', NOW, NEXT, '--fail-on', 'change']);
    const cy = dutykit(['diff', NOW, NEXT, '--fail-on', 'change', '--lang', 'cy']);
    expect(cy.status).toBe(en.status);
    expect(en.stdout).toContain('Benchmark');
    expect(cy.stdout).not.toContain('Benchmark');
  });

  it('JSON takes one language', () => {
    const r = dutykit(['diff', OLD, NOW, '--json', '--lang', 'cy,en']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--lang: mae JSON wedi'i ysgrifennu mewn un iaith"); // said in the first language asked
    const cy = dutykit(['diff', OLD, NOW, '--json', '--lang', 'cy']);
    expect(cy.status, cy.stderr).toBe(0);
    const rows = JSON.parse(cy.stdout).rows as { after: { label: string } | null }[];
    expect(rows.map((x) => x.after?.label)).toContain('Gwyrdd');
  });
});

describe('trend --lang cy', () => {
  it('text and md in Welsh, cy,en gives both, Welsh first', () => {
    const r = dutykit(['trend', OLD, NOW, NEXT, '--lang', 'cy,en', '--format', 'md']);
    expect(r.status, r.stderr).toBe(0);
    const cy = r.stdout.indexOf('## Sgoriau hunanasesiad Prevent dros amser');
    const en = r.stdout.indexOf('## Prevent self-assessment ratings over time');
    expect(cy).toBeGreaterThanOrEqual(0);
    expect(en).toBeGreaterThan(cy);
    expect(r.stdout.slice(0, en)).toContain('| Asesiad | Sgoriau | Fframwaith |');
    const text = dutykit(['trend', OLD, NOW, NEXT, '--lang', 'cy'], { env: { COLUMNS: '140' } });
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('↑ wedi gwella, ↓ wedi dirywio ers yr asesiad blaenorol');
    expect(text.stdout).toMatch(/Gwyrdd/);
  });
});

describe('validate checks a framework folder’s translations', () => {
  it('a bad id in framework.cy.yaml, and a file for a language dutykit lacks, fail validation with file:line:col', async () => {
    const { cpSync, mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'dutykit-validate-cy-'));
    cpSync('benchmarks/home-office-2018', dir, { recursive: true });
    expect(dutykit(['validate', dir]).status).toBe(0);
    writeFileSync(join(dir, 'framework.cy.yaml'), 'ratings:\n  gren: Gwyrdd\n');
    writeFileSync(join(dir, 'framework.fr.yaml'), 'ratings:\n  green: Vert\n');
    const r = dutykit(['validate', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'framework.cy.yaml')}:2:3: ratings.gren: home-office-2018 has no rating "gren" (did you mean "green"?)`);
    expect(r.stderr).toContain(`${join(dir, 'framework.fr.yaml')}:1:1: dutykit has no language "fr" (it has en, cy)`);
  });
});
