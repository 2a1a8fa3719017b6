// `rollup --format pdf`: the report's style (marking on every page, "Page i of N", tagged,
// titled), the same content as the Markdown, small numbers suppressed in the public version.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dutykit } from './helpers.js';
import { extract, roles } from './pdf-extract.js';

const tmp = mkdtempSync(join(tmpdir(), 'dutykit-rollup-pdf-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const EX = 'examples/schools';
const ROSTER = `${EX}/roster-2024-25.yaml`;
const EPOCH = { SOURCE_DATE_EPOCH: String(Date.UTC(2025, 3, 30) / 1000) };

describe('rollup --format pdf', () => {
  it('board version: every page marked and numbered, tagged, names and counts as in the Markdown; same bytes again', async () => {
    const [a, b] = [join(tmp, 'a.pdf'), join(tmp, 'b.pdf')];
    for (const f of [a, b]) {
      const r = dutykit(['rollup', EX, '--roster', ROSTER, '--format', 'pdf', '--out', f], { env: EPOCH });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
    }
    const bytes = readFileSync(a);
    expect(bytes.equals(readFileSync(b))).toBe(true);
    const pdf = await extract(bytes);
    expect(pdf.marked).toBe(true);
    expect(pdf.info.Title).toBe('Roll-up of returns');
    const all = pdf.pages.map((p) => p.text).join('\n');
    for (const [i, p] of pdf.pages.entries()) {
      expect(p.text.split('\n').filter((l) => l === 'OFFICIAL-SENSITIVE')).toHaveLength(2);
      expect(p.text).toContain(`Page ${i + 1} of ${pdf.pages.length}`);
    }
    for (const s of ['Ratings per benchmark', 'Westgate School', 'Ellie Moss <office@brookside.example>', 'Riverside Infant School', 'Offer Prevent training']) expect(all).toContain(s);
    expect(roles(pdf.pages[0]!.tags).map((r) => r.role)).toEqual(expect.arrayContaining(['H1', 'H2', 'Table', 'TH', 'TD']));
  });

  it('public version: OFFICIAL, counts only, "fewer than 5", no names', async () => {
    const f = join(tmp, 'public.pdf');
    const r = dutykit(['rollup', EX, '--roster', ROSTER, '--format', 'pdf', '--audience', 'public', '--out', f], { env: EPOCH });
    expect(r.status, r.stderr).toBe(0);
    const all = (await extract(readFileSync(f))).pages.map((p) => p.text).join('\n');
    expect(all).toContain('fewer than 5');
    expect(all).toContain('OFFICIAL');
    expect(all).not.toContain('OFFICIAL-SENSITIVE');
    for (const n of ['Westgate', 'Riverside', '900013', 'Ellie Moss']) expect(all).not.toContain(n);
  });
});
