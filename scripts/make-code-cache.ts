// Build step: run the PDF renderer bundle once on the bundled example, as the board and as
// the public version, and save the code V8 compiled for it as the bundle's code cache
// (src/cli/code-cache.ts). Only the build writes it; a run that cannot use it compiles.
import { join } from 'node:path';
import { loadBundle } from '../src/cli/code-cache.js';
import { openAssessment } from '../src/cli/open.js';
import { buildReport } from '../src/report/model.js';

type Renderer = typeof import('../src/report/pdf/index.js');

export async function makePdfCodeCache(bundle: string, examples: string): Promise<void> {
  const renderer = loadBundle<Renderer>(bundle);
  const now = openAssessment(join(examples, 'northbridge-2025.yaml'));
  const before = openAssessment(join(examples, 'northbridge-2024.yaml'));
  const previous = { assessment: before.assessment, framework: before.framework, ratings: before.ratings };
  for (const audience of ['board', 'public'] as const) {
    const model = buildReport(now.framework, now.assessment, now.ratings, { audience, previous });
    await renderer.exports.renderPdf(model, { created: new Date(0) });
  }
  renderer.saveCache();
}
