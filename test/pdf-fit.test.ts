// Fitting a header line to the page: as a piece at a time did it, in log n measurings.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAssessment } from '../src/cli/open.js';
import { buildReport } from '../src/report/model.js';
import { PAGE } from '../src/report/pdf/flow.js';
import { shortened } from '../src/report/pdf/furniture.js';
import { renderPdf } from '../src/report/pdf/index.js';
import { ROOT } from './helpers.js';
import { extract } from './pdf-extract.js';

/** The loop `shortened` replaced: drop a piece at a time, measuring the whole line each time. */
function oneByOne(text: string, fits: (s: string) => boolean): string {
  let out = text;
  while (!fits(out) && out.length > 1) out = `${[...out].slice(0, -2).join('')}…`;
  return out;
}

describe('shortened', () => {
  // A width summed per character, as the embedded font's plain layout sums it.
  const advance = (c: string) => (c === '…' ? 10 : /[A-Z]/.test(c) ? 7 : /[a-z]/.test(c) ? 5 : 3);
  const width = (s: string) => [...s].reduce((a, c) => a + advance(c), 0);

  it('cuts where shortening a character at a time cut, for every room and length', () => {
    const texts = ['Ab', 'Abc', 'Northbridge Borough Council · PREVENT duty self-assessment 2024/25', 'Cyngor Bwrdeistref Llŷn · Hunanasesiad 2024/25', 'x'.repeat(300)];
    for (const text of texts) {
      for (let room = 0; room <= width(text); room += 5) {
        const fits = (s: string) => width(s) <= room;
        if (fits(text)) continue;
        expect(shortened(text, fits), `${text.slice(0, 20)} in ${room}`).toBe(oneByOne(text, fits));
      }
    }
  });

  it('measures a 100,000-character line a few dozen times, not 100,000', () => {
    let calls = 0;
    const out = shortened('A'.repeat(100_000), (s) => (calls++, width(s) <= 500));
    expect(out).toBe(`${'A'.repeat(70)}…`);
    expect(calls).toBeLessThan(40);
  });

  it('never cuts inside a grapheme (an accent typed as a combining mark, a flag)', () => {
    const out = shortened('e\u0301'.repeat(50) + '🇬🇧'.repeat(50), (s) => [...s].length <= 101);
    expect(out).toBe(`${'e\u0301'.repeat(50)}…`);
  });
});

// A gross guard, not a timing test: the old code took minutes (>10 at 100,000 characters).
describe('a PDF report with a 100,000-character authority', () => {
  it('finishes (it took minutes) with the header line shortened with "…" on every page', async () => {
    const o = openAssessment(join(ROOT, 'examples', 'northbridge-2025.yaml'));
    const m = { ...buildReport(o.framework, o.assessment, o.ratings, { audience: 'board' }), authority: 'Northbridge '.repeat(8_334).slice(0, 100_000) };
    const pdf = await extract(await renderPdf(m, { created: new Date('2025-03-12T09:00:00Z') }));
    for (const [i, p] of pdf.pages.entries()) {
      const head = p.items.filter((x) => x.y > p.height - PAGE.top && x.str.startsWith('Northbridge Northbridge'));
      expect(head, `page ${i + 1}`).toHaveLength(1);
      expect(head[0]!.str).toMatch(/^(Northbridge )+\S*…$/);
      expect(head[0]!.x + head[0]!.width).toBeLessThanOrEqual(p.width - PAGE.right + 0.5);
    }
  }, 60_000);
});
