// `dutykit report --format pdf` as a user runs it: the built binary, files in a temp folder.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dutykit } from './helpers.js';
import { extract } from './pdf-extract.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dutykit-pdf-'));
const NAME = '2025-03-12-northbridge-borough-council-prevent-self-assessment';
const EPOCH = '1741770000'; // 2025-03-12T09:00:00Z

describe('report --format pdf', () => {
  it('writes the PDF, and with SOURCE_DATE_EPOCH the same bytes every time', async () => {
    const [a, b] = [tmp(), tmp()];
    for (const dir of [a, b]) {
      const r = dutykit(['report', 'examples/northbridge-2025.yaml', '--format', 'pdf', '--out', dir], { env: { SOURCE_DATE_EPOCH: EPOCH } });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe(`wrote ${join(dir, `${NAME}.pdf`)}`);
    }
    const [x, y] = [readFileSync(join(a, `${NAME}.pdf`)), readFileSync(join(b, `${NAME}.pdf`))];
    expect(x.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(x.equals(y)).toBe(true);
    const pdf = await extract(x);
    expect(pdf.info.CreationDate).toBe('D:20250312090000Z');
    expect(pdf.pages[0]!.text).toContain('Northbridge Borough Council');
  });

  it('writes Markdown and PDF together with --format md,pdf', () => {
    const dir = tmp();
    const r = dutykit(['report', 'examples/northbridge-2025.yaml', '--format', 'md,pdf', '--out', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, `${NAME}.md`))).toBe(true);
    expect(existsSync(join(dir, `${NAME}.pdf`))).toBe(true);
  });

  it('writes the public version under its own name, saying so on the cover', async () => {
    const dir = tmp();
    const r = dutykit(['report', 'examples/northbridge-2025.yaml', '--format', 'pdf', '--audience', 'public', '--out', dir]);
    expect(r.status, r.stderr).toBe(0);
    const pdf = await extract(readFileSync(join(dir, `${NAME}-public.pdf`)));
    expect(pdf.pages[0]!.text).toContain('Public version: evidence, notes and names are not included.');
    expect(pdf.pages.map((p) => p.text).join('\n')).not.toContain('Priya Raman');
  });

  it('refuses a malformed SOURCE_DATE_EPOCH as a usage error', () => {
    const r = dutykit(['report', 'examples/northbridge-2025.yaml', '--format', 'pdf', '--out', tmp()], { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('SOURCE_DATE_EPOCH');
  });
});
