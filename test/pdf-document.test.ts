// The report's PDF and the roll-up's are opened one way (src/report/pdf/document.ts): one
// place for the page, the fonts, the tags, the language and the metadata.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf, renderRollupPdf } from '../src/report/pdf/index.js';
import { rollupBlocks } from '../src/rollup/blocks.js';
import { RollupBuilder } from '../src/rollup/model.js';
import { summarise } from '../src/rollup/summary.js';
import { tryOpen } from '../src/cli/open.js';
import { buildReport } from '../src/report/model.js';
import { messages } from '../src/i18n/catalogue.js';
import { extract } from './pdf-extract.js';

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
const created = new Date(Date.UTC(2025, 3, 30));

describe('one way to open a PDF', () => {
  it('only document.ts makes a PDFDocument', () => {
    expect(files('src').filter((f) => /new PDFDocument\(/.test(readFileSync(f, 'utf8')))).toEqual([join('src', 'report', 'pdf', 'document.ts')]);
  });

  it('the report and the roll-up open alike: PDF 1.7, A4, tagged, titled, in their language, the same producer', async () => {
    const o = tryOpen('examples/schools/900005-castle-hill-school.yaml').opened!;
    const report = await renderPdf(buildReport(o.framework, o.assessment, o.ratings, { audience: 'board', lang: 'cy' }), { created });
    const b = new RollupBuilder();
    b.add(o.framework, summarise(o.file, o.assessment, o.ratings));
    const rollup = await renderRollupPdf([{ lang: 'cy', blocks: rollupBlocks(b.build({ audience: 'board', asOf: '2025-04-30', l: messages('cy') }), messages('cy')) }], { created, marking: 'OFFICIAL' });
    for (const bytes of [report, rollup]) {
      const text = Buffer.from(bytes).toString('latin1');
      expect(text.startsWith('%PDF-1.7')).toBe(true);
      expect(text).toContain('/Lang (cy)');
      expect(text).toContain('/DisplayDocTitle true');
      const pdf = await extract(bytes);
      expect(pdf.marked).toBe(true);
      expect([pdf.info.Creator, pdf.info.Producer]).toEqual(['dutykit', 'dutykit (PDFKit)']);
      expect([Math.round(pdf.pages[0]!.width), Math.round(pdf.pages[0]!.height)]).toEqual([595, 842]);
    }
  });
});
