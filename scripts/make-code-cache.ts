// Build step: run the CLI's yaml and zod (dist/vendor/) and the PDF renderer bundle on the
// bundled frameworks and examples, as the commands do, and save the code V8 compiled for each
// as its code cache (src/cli/code-cache.ts). Only the build writes them; a run that cannot
// use one compiles as usual.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle } from '../src/cli/code-cache.js';
import { openAssessment } from '../src/cli/open.js';
import { saveVendorCaches } from '../src/cli/vendor.js';
import { checkFramework } from '../src/model/load-framework.js';
import { buildReport } from '../src/report/model.js';

type Renderer = typeof import('../src/report/pdf/index.js');

export async function makeCodeCaches(pdfBundle: string, examples: string, frameworks: string): Promise<void> {
  // What validate, rate and report read: framework folders and assessments.
  for (const id of readdirSync(frameworks)) checkFramework(join(frameworks, id));
  const [before, now] = ['northbridge-2024.yaml', 'northbridge-2025.yaml'].map((f) => openAssessment(join(examples, f)));
  openAssessment(join(examples, 'northbridge-2026.yaml')); // on the 2024 framework

  const renderer = loadBundle<Renderer>(pdfBundle);
  const previous = { assessment: before!.assessment, framework: before!.framework, ratings: before!.ratings };
  for (const audience of ['board', 'public'] as const) {
    const model = buildReport(now!.framework, now!.assessment, now!.ratings, { audience, previous });
    await renderer.exports.renderPdf(model, { created: new Date(0) });
  }
  renderer.saveCache();
  const saved = saveVendorCaches();
  if (saved.length !== 2) throw new Error(`build: expected caches for yaml and zod, made ${saved.join(', ') || 'none'}`);
}
