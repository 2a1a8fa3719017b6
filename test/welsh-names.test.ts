// Welsh names (circumflexes on w and y: ŵ, ŷ, and â, ô) print and extract as written, in the
// Markdown and in the PDF read back both by pdfjs and by poppler's pdftotext.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dutykit } from './helpers.js';
import { extract } from './pdf-extract.js';

const NAMES = ['Cyngor Sir Ynys Môn', 'Siân Llŷr', 'Gŵyr', 'Llŷn', 'Prif Weithredwr â gofal'];

function welshAssessment(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dutykit-names-'));
  const file = join(dir, 'ynys-mon.yaml');
  const text = readFileSync('examples/northbridge-2025.yaml', 'utf8')
    .replace('authority: Northbridge Borough Council', 'authority: Cyngor Sir Ynys Môn')
    .replace('{ name: Priya Raman, role: Prevent Coordinator }', '{ name: Siân Llŷr, role: Prif Weithredwr â gofal }')
    .replace(/evidence: >-\n(\s+)The local risk assessment/, 'evidence: >-\n$1Workshops held in Gŵyr and Llŷn. The local risk assessment');
  writeFileSync(file, text);
  return { dir, file };
}

// Decomposed forms (w + U+0302) would look the same on screen but not search or sort the same.
const composed = (s: string) => expect(s.normalize('NFC')).toBe(s);

describe('Welsh names', () => {
  it('print in the Markdown as written, in English and in Welsh', () => {
    const { file } = welshAssessment();
    for (const lang of ['en', 'cy']) {
      const r = dutykit(['report', file, '--lang', lang, '--stdout']);
      expect(r.status, r.stderr).toBe(0);
      for (const n of NAMES) expect(r.stdout, `${lang}: ${n}`).toContain(n);
      composed(r.stdout);
    }
  });

  it('print in the PDF and extract as written (pdfjs and pdftotext), on the cover and in the page header', async () => {
    const { dir, file } = welshAssessment();
    const r = dutykit(['report', file, '--lang', 'cy,en', '--format', 'pdf', '--out', dir]);
    expect(r.status, r.stderr).toBe(0);
    const pdfFile = join(dir, readdirSync(dir).find((f) => f.endsWith('.pdf'))!);
    const pdf = await extract(readFileSync(pdfFile));
    const all = pdf.pages.map((p) => p.text).join('\n');
    for (const n of NAMES) expect(all, n).toContain(n);
    expect(pdf.pages[0]!.text).toContain('Cyngor Sir Ynys Môn');
    expect(pdf.pages[1]!.text).toContain('Cyngor Sir Ynys Môn · Hunanasesiad dyletswydd PREVENT');
    expect(pdf.info.Author).toBe('Cyngor Sir Ynys Môn');

    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' });
    expect(text.error, 'pdftotext (poppler-utils) is needed; .ci/run installs it').toBeUndefined();
    for (const n of NAMES) expect(text.stdout, `pdftotext: ${n}`).toContain(n);
    expect(text.stdout).toContain('Tudalen 1 o');
    composed(text.stdout);
  });
});
